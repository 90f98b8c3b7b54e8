namespace SpineDesk.Web.Features.Patients;

/// <summary>
/// How patients appear in the audit log. A patient's rows are keyed by the patient number rather than the
/// database id: the number exists before the first save, so a patient created together with a booking is
/// audited in that same save.
/// </summary>
public static class PatientAudit
{
    public const string EntityType = "Patient";

    public const string NoteAction = "patient.note";
}
