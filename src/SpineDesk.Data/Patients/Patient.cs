namespace SpineDesk.Data.Patients;

/// <summary>
/// A person who has become a patient of the clinic (DESIGN §4.5: when a consultation is scheduled, or when a
/// coordinator registers them). Their inquiries point here, and the clinical record (evaluation, consent,
/// procedure, follow-up) will hang off it. Deliberately small: contact details stay on the inquiries, which
/// keep what the person sent; these are the details to find and recognise the person by.
/// </summary>
public class Patient : IVersioned
{
    public int Id { get; set; }

    /// <summary>The short, unguessable number staff quote (for example PT-7KQ4-M2XP); not derived from the id.</summary>
    public required string PatientNumber { get; set; }

    public required string Name { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    /// <summary>The phone number in E.164 form, the key duplicate detection matches on.</summary>
    public required string Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The name as search compares it (<see cref="Intake.InquirySearchKeys.Name"/>); kept up to date on save.</summary>
    public string NameKey { get; set; } = "";

    /// <summary>The email in lower case (<see cref="Intake.InquirySearchKeys.Email"/>); kept up to date on save.</summary>
    public string? EmailKey { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The staff member who registered the patient, or who booked the consultation that did.</summary>
    public required string CreatedById { get; set; }

    /// <summary>Optimistic concurrency: raised on every change so that a second editor cannot overwrite the first.</summary>
    public int Version { get; set; }
}
