using SpineDesk.Data.Staff;

namespace SpineDesk.Data.Consultations;

/// <summary>
/// A block of a clinician's usual week in which consultations can be booked: on <see cref="Day"/>, from
/// <see cref="Start"/> to <see cref="End"/> on the clinic's wall clock, cut into slots of <see cref="SlotMinutes"/>.
/// </summary>
public class ClinicianAvailability
{
    public int Id { get; set; }

    public required string ClinicianId { get; set; }

    public StaffUser? Clinician { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }

    public int SlotMinutes { get; set; }

    /// <summary>Where in-person consultations in this block take place.</summary>
    public required string Location { get; set; }

    /// <summary>True when the clinician also takes video consultations in this block.</summary>
    public bool OffersVideo { get; set; }
}

/// <summary>A change to a clinician's usual week on one date: closed all day, or extra hours.</summary>
public class AvailabilityChange
{
    public int Id { get; set; }

    public required string ClinicianId { get; set; }

    public StaffUser? Clinician { get; set; }

    public DateOnly Date { get; set; }

    public AvailabilityChangeKind Kind { get; set; }

    /// <summary>For extra hours: the block, as in <see cref="ClinicianAvailability"/>.</summary>
    public TimeOnly? Start { get; set; }

    public TimeOnly? End { get; set; }

    public int? SlotMinutes { get; set; }

    public string? Location { get; set; }

    public bool OffersVideo { get; set; }

    /// <summary>Why, in the coordinator's words (leave, training, an extra clinic).</summary>
    public string? Note { get; set; }
}

public enum AvailabilityChangeKind
{
    /// <summary>No consultations that date, whatever the usual week says.</summary>
    Closed,

    /// <summary>Bookable hours in addition to the usual week.</summary>
    ExtraHours,
}
