using SpineDesk.Data.Intake;
using SpineDesk.Data.Patients;
using SpineDesk.Data.Staff;

namespace SpineDesk.Data.Tasks;

/// <summary>
/// A piece of work for a staff member or for anyone in a role: call someone back, chase a document, review
/// an answer. Owned by exactly one person (<see cref="OwnerId"/>) or one role (<see cref="OwnerRole"/>), which
/// the database checks. About one inquiry, one patient or nobody in particular (never two). Made by hand or by a rule (<see cref="Rule"/>, with what triggered it, so a rule makes
/// its task once). Closed tasks are kept: done or cancelled, by whom, when and why.
/// </summary>
public class StaffTask : IVersioned
{
    public const int TitleMaxLength = 200;

    public const int DetailsMaxLength = 2000;

    public const int OutcomeMaxLength = 1000;

    public int Id { get; set; }

    public required string Title { get; set; }

    public string? Details { get; set; }

    /// <summary>The inquiry (the person) the task is about; null for a task about no one in particular.</summary>
    public int? InquiryId { get; set; }

    public Inquiry? Inquiry { get; set; }

    /// <summary>The patient the task is about, for work on the patient rather than one inquiry; null otherwise.</summary>
    public int? PatientId { get; set; }

    public Patient? Patient { get; set; }

    /// <summary>The person who owns the task, or null when a role does.</summary>
    public string? OwnerId { get; set; }

    public StaffUser? Owner { get; set; }

    /// <summary>The role whose members share the task (one of <see cref="StaffRoles"/>), or null when a person owns it.</summary>
    public string? OwnerRole { get; set; }

    public DateTime DueAt { get; set; }

    public TaskPriority Priority { get; set; }

    public StaffTaskStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Who made it: a staff user id, or "system" for a task a rule made without anyone acting.</summary>
    public required string CreatedById { get; set; }

    /// <summary>The rule that made the task (for example <c>consultation-no-show</c>); null for one made by hand.</summary>
    public string? Rule { get; set; }

    /// <summary>The consultation that triggered the rule, when one did.</summary>
    public int? ConsultationId { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosedById { get; set; }

    /// <summary>What was done (when done) or why it was dropped (when cancelled).</summary>
    public string? Outcome { get; set; }

    /// <summary>Optimistic concurrency: raised on every change.</summary>
    public int Version { get; set; }
}

/// <summary>How soon a task matters. Stored as text; order with <c>High</c> first explicitly.</summary>
public enum TaskPriority
{
    High,
    Normal,
    Low,
}

public enum StaffTaskStatus
{
    Open,
    Done,
    Cancelled,
}
