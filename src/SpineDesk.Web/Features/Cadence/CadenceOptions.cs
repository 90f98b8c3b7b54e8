namespace SpineDesk.Web.Features.Cadence;

/// <summary>
/// The clinic's contact cadence as configured in the "Cadence" section; read into a
/// <see cref="SpineDesk.Clinical.Cadence.ContactCadencePolicy"/> and checked at start.
/// </summary>
public sealed class CadenceOptions
{
    public const string Section = "Cadence";

    /// <summary>First-contact target for an emergency: "same working day", or working time such as "04:00:00".</summary>
    public string EmergencyFirstContactTarget { get; set; } = CadenceSettings.SameWorkingDay;

    /// <summary>First-contact target for an urgent inquiry (DESIGN.md §4.2: same working day call).</summary>
    public string UrgentFirstContactTarget { get; set; } = CadenceSettings.SameWorkingDay;

    /// <summary>First-contact target for a routine inquiry, in working time, such as "08:00:00" for 8 working hours.</summary>
    public string RoutineFirstContactTarget { get; set; } = "08:00:00";

    /// <summary>For same-working-day targets: the local time after which an inquiry counts toward the next working day; empty for none.</summary>
    public string? SameDayCutoff { get; set; }

    /// <summary>Business days between unanswered attempts: after the 1st, the 2nd, …; the last repeats. Empty here means the default 1, 3.</summary>
    public List<int> RetryAfterBusinessDays { get; set; } = [];

    /// <summary>Unanswered attempts after which the inquiry is closed as unreachable.</summary>
    public int MaxUnansweredAttempts { get; set; } = 3;

    /// <summary>Unanswered attempts on the same clinic day count once.</summary>
    public bool CountOneUnansweredAttemptPerDay { get; set; } = true;

    /// <summary>Business days to wait after the last unanswered attempt before closing.</summary>
    public int BusinessDaysBeforeClosing { get; set; }

    /// <summary>A wrong number closes the inquiry as unreachable at once (otherwise a coordinator looks for another way).</summary>
    public bool CloseOnWrongNumber { get; set; }

    /// <summary>How often the closing job looks for inquiries to close as unreachable.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
