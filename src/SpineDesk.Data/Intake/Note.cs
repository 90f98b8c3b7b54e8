namespace SpineDesk.Data.Intake;

/// <summary>
/// A staff member's note on an inquiry or on a patient (exactly one of the two, checked by the database).
/// Append-only: a note is never edited or deleted; a correction is a
/// new note.
/// </summary>
public class Note
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }

    public int? InquiryId { get; set; }

    public int? PatientId { get; set; }

    public DateTime At { get; set; }

    public required string StaffUserId { get; set; }

    public required string Text { get; set; }
}
