using System.Globalization;
using SpineDesk.Clinical.Calendar;

namespace SpineDesk.Clinical.Tests.Calendar;

/// <summary>The clinics the calendar and cadence tests run on, and a way to write instants readably.</summary>
internal static class Calendars
{
    /// <summary>
    /// New York, Monday–Friday 08:00–12:00 and 13:00–17:00 (a lunch break); closed Friday 3 July 2026
    /// (Independence Day observed) and Christmas Day; Christmas Eve 09:00–12:00 only.
    /// US daylight saving 2026: from Sunday 8 March 02:00 (−05:00 → −04:00) to Sunday 1 November 02:00.
    /// </summary>
    public static BusinessCalendar NewYork { get; } = new(
        "America/New_York",
        WeeklyOpeningHours.MondayToFriday(OpeningInterval.Parse("08:00-12:00"), OpeningInterval.Parse("13:00-17:00")),
        [
            ClinicHoliday.Closed(new DateOnly(2026, 7, 3), "Independence Day (observed)"),
            ClinicHoliday.ShortDay(new DateOnly(2026, 12, 24), "Christmas Eve", OpeningInterval.Parse("09:00-12:00")),
            ClinicHoliday.Closed(new DateOnly(2026, 12, 25), "Christmas Day"),
        ]);

    /// <summary>
    /// London, Monday–Friday 09:00–17:30; closed Good Friday (3 April 2026) and Easter Monday (6 April 2026).
    /// UK summer time 2026: from Sunday 29 March 01:00 GMT (+00:00 → +01:00) to Sunday 25 October 02:00 BST.
    /// </summary>
    public static BusinessCalendar London { get; } = new(
        "Europe/London",
        WeeklyOpeningHours.MondayToFriday(OpeningInterval.Parse("09:00-17:30")),
        [
            ClinicHoliday.Closed(new DateOnly(2026, 4, 3), "Good Friday"),
            ClinicHoliday.Closed(new DateOnly(2026, 4, 6), "Easter Monday"),
        ]);

    /// <summary>New York, open every day 01:00–05:00: the hours straddle the daylight-saving changes.</summary>
    public static BusinessCalendar NewYorkSmallHours { get; } = new(
        "America/New_York", EveryDay(OpeningInterval.Parse("01:00-05:00")));

    /// <summary>London, open every day 00:30–03:00: the hours straddle the summer-time changes.</summary>
    public static BusinessCalendar LondonSmallHours { get; } = new(
        "Europe/London", EveryDay(OpeningInterval.Parse("00:30-03:00")));

    /// <summary>Every calendar above, by name, for table-driven tests.</summary>
    public static BusinessCalendar Named(string name) => name switch
    {
        nameof(NewYork) => NewYork,
        nameof(London) => London,
        nameof(NewYorkSmallHours) => NewYorkSmallHours,
        nameof(LondonSmallHours) => LondonSmallHours,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such test calendar."),
    };

    /// <summary>All of them.</summary>
    public static BusinessCalendar[] All { get; } = [NewYork, London, NewYorkSmallHours, LondonSmallHours];

    /// <summary>
    /// An instant written with its local offset, such as "2026-03-09T10:00-04:00", as a UTC <see cref="DateTime"/>.
    /// The offset is written by hand from the published rules, independently of the code under test.
    /// </summary>
    public static DateTime At(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None).UtcDateTime;

    private static WeeklyOpeningHours EveryDay(OpeningInterval interval) =>
        new(Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpeningInterval>)[interval]));
}
