using System.Globalization;

namespace SpineDesk.Clinical.Calendar;

/// <summary>
/// A date on which the clinic's usual weekly hours do not apply, as the clinic configured it: closed all day,
/// or open only for the hours given (a short day such as Christmas Eve morning).
/// </summary>
public sealed class ClinicHoliday
{
    private ClinicHoliday(DateOnly date, string name, OpeningInterval[] openHours)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Date = date;
        Name = name;
        OpenHours = openHours;
    }

    /// <summary>The local date.</summary>
    public DateOnly Date { get; }

    /// <summary>What the day is called, such as "Independence Day".</summary>
    public string Name { get; }

    /// <summary>The hours the clinic is open that day instead of its usual hours; empty when closed all day.</summary>
    public IReadOnlyList<OpeningInterval> OpenHours { get; }

    /// <summary>True when the clinic is closed the whole day.</summary>
    public bool ClosedAllDay => OpenHours.Count == 0;

    /// <summary>The clinic is closed all day on <paramref name="date"/>.</summary>
    public static ClinicHoliday Closed(DateOnly date, string name) => new(date, name, []);

    /// <summary>The clinic is open only for <paramref name="openHours"/> on <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentException">No hours given, or they overlap.</exception>
    public static ClinicHoliday ShortDay(DateOnly date, string name, params OpeningInterval[] openHours)
    {
        ArgumentNullException.ThrowIfNull(openHours);
        if (openHours.Length == 0)
        {
            throw new ArgumentException($"A short day needs its opening hours; use {nameof(Closed)} for a day closed all day.", nameof(openHours));
        }

        return new(date, name, WeeklyOpeningHours.CheckDay(openHours, name));
    }

    /// <summary>"2026-12-24 Christmas Eve (09:00–12:00)" or "2026-12-25 Christmas Day (closed)".</summary>
    public override string ToString() =>
        $"{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {Name} ({(ClosedAllDay ? "closed" : string.Join(", ", OpenHours))})";
}
