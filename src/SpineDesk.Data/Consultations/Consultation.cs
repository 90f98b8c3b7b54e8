using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;

namespace SpineDesk.Data.Consultations;

/// <summary>
/// A consultation booked for an inquiry with a clinician. At most one active (<see cref="ConsultationStatus.Booked"/>)
/// consultation per clinician and start time: the database enforces it with a filtered unique index, so two
/// coordinators booking the same slot at the same moment cannot both succeed.
/// </summary>
public class Consultation : IVersioned
{
    public int Id { get; set; }

    public int InquiryId { get; set; }

    public Inquiry? Inquiry { get; set; }

    public required string ClinicianId { get; set; }

    public StaffUser? Clinician { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public ConsultationMode Mode { get; set; }

    /// <summary>The room or site for an in-person consultation; null for video.</summary>
    public string? Location { get; set; }

    public ConsultationStatus Status { get; set; }

    public DateTime BookedAt { get; set; }

    public required string BookedById { get; set; }

    /// <summary>Why it was last rescheduled, if it was.</summary>
    public string? RescheduleReason { get; set; }

    /// <summary>Why it was cancelled, or a note on the no-show.</summary>
    public string? CancelReason { get; set; }

    /// <summary>The iCalendar UID: fixed at booking so that updates and cancellations replace the same event.</summary>
    public required string IcsUid { get; set; }

    /// <summary>The iCalendar SEQUENCE: raised with every invitation that changes the event.</summary>
    public int IcsSequence { get; set; }

    /// <summary>When the day-before reminder was queued; null until then, and again after a reschedule.</summary>
    public DateTime? ReminderQueuedAt { get; set; }

    /// <summary>Optimistic concurrency: raised on every change.</summary>
    public int Version { get; set; }
}

public enum ConsultationMode
{
    InPerson,
    Video,
}

public enum ConsultationStatus
{
    Booked,
    Cancelled,
    Completed,
    NoShow,
}
