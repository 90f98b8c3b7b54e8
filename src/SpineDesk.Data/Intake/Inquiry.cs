using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Patients;
using SpineDesk.Data.Staff;

namespace SpineDesk.Data.Intake;

/// <summary>A request from a person to be contacted by a care coordinator, and where it stands.</summary>
public class Inquiry : IVersioned
{
    public int Id { get; set; }

    /// <summary>The short, unguessable number the person is given (for example SD-7KQ4-M2XP).</summary>
    public required string ReferenceNumber { get; set; }

    /// <summary>A key the form carries so that a repeated submission finds the inquiry it already made.</summary>
    public Guid? SubmissionKey { get; set; }

    public DateTime ReceivedAt { get; set; }

    public required string Name { get; set; }

    /// <summary>The phone number in E.164 form.</summary>
    public required string Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The name as search compares it (<see cref="InquirySearchKeys.Name"/>); kept up to date on save.</summary>
    public string NameKey { get; set; } = "";

    /// <summary>The email in lower case (<see cref="InquirySearchKeys.Email"/>); kept up to date on save.</summary>
    public string? EmailKey { get; set; }

    /// <summary>
    /// The last digits of the phone number (<see cref="InquirySearchKeys.PhoneTail"/>), so that a search by the end
    /// of a number is an index look-up rather than a scan; kept up to date on save.
    /// </summary>
    public string PhoneTail { get; set; } = "";

    public ContactMethod PreferredContactMethod { get; set; }

    public ContactTime PreferredContactTime { get; set; }

    /// <summary>A BCP 47 language tag such as "en" or "es".</summary>
    public required string Language { get; set; }

    public bool ConsentToContact { get; set; }

    public string? Message { get; set; }

    /// <summary>The red-flag signs the person reported, in the order of <see cref="RedFlagSign"/>.</summary>
    public List<RedFlagSign> RedFlags { get; set; } = [];

    public Urgency Urgency { get; set; }

    public PipelineStage Stage { get; set; }

    public ClosureReason? ClosureReason { get; set; }

    public string? OwnerId { get; set; }

    public StaffUser? Owner { get; set; }

    public DateTime? FirstContactAttemptAt { get; set; }

    public DateTime? NextAttemptAt { get; set; }

    /// <summary>An earlier inquiry with the same phone or email, found when this one arrived.</summary>
    public int? PossibleDuplicateOfId { get; set; }

    public DuplicateMatch? PossibleDuplicateMatch { get; set; }

    /// <summary>An existing patient with the same phone or email, found when this inquiry arrived.</summary>
    public int? PossiblePatientId { get; set; }

    public DuplicateMatch? PossiblePatientMatch { get; set; }

    /// <summary>The patient this inquiry belongs to, once the person is registered as one.</summary>
    public int? PatientId { get; set; }

    public Patient? Patient { get; set; }

    /// <summary>Set when this inquiry was merged into another one (and closed as a duplicate).</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>Optimistic concurrency: raised on every change so that a second editor cannot overwrite the first.</summary>
    public int Version { get; set; }

    public List<ContactAttempt> ContactAttempts { get; set; } = [];

    public List<StageChange> StageChanges { get; set; } = [];

    /// <summary>True while the inquiry still needs the coordinators' attention.</summary>
    public bool IsOpen => Stage is PipelineStage.New or PipelineStage.Contacting;
}

/// <summary>What a new inquiry shares with an earlier one.</summary>
public enum DuplicateMatch
{
    Phone,
    Email,
    PhoneAndEmail,
}

public enum ContactMethod
{
    Phone,
    TextMessage,
    Email,
}

public enum ContactTime
{
    Anytime,
    Morning,
    Afternoon,
    Evening,
}
