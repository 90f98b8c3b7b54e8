namespace SpineDesk.Web.Features.Notes;

/// <summary>What the "Add a note" form needs: the page it posts to and its id, and what to show again after a refusal.</summary>
public sealed record NoteFormModel(string Page, int Id, string? Text = null, string? Error = null)
{
    public static NoteFormModel ForInquiry(int inquiryId, string? text = null, string? error = null) =>
        new("/Notes/AddNote", inquiryId, text, error);

    public static NoteFormModel ForPatient(int patientId, string? text = null, string? error = null) =>
        new("/Patients/AddPatientNote", patientId, text, error);
}
