using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace SpineDesk.Clinical.Calendar;

/// <summary>
/// A clinic's working time: its IANA time zone, weekly opening hours and holidays, all as the clinic
/// configured them. Instants go in and come out as <see cref="DateTime"/> in UTC (<see cref="DateTimeKind.Utc"/>,
/// the app's convention, as from <c>TimeProvider.GetUtcNow().UtcDateTime</c> or the database); local dates and
/// times are the clinic's wall clock. The arithmetic is in <c>BusinessCalendar.Arithmetic.cs</c>.
/// </summary>
/// <remarks>
/// <para>Daylight-saving changes, from the IANA time-zone database embedded in NodaTime: a local time that
/// does not exist (the spring-forward gap, such as 02:30 on 8 March 2026 in New York) means the first
/// instant after the gap (03:00 local); a local time that happens twice (the fall-back overlap, such as
/// 01:30 on 1 November 2026 in New York) means the earlier of the two. Opening hours are wall-clock hours,
/// so a day whose hours span a change is an hour shorter or longer in real time.</para>
/// <para>Opening intervals are half-open: the clinic is open at its opening time and closed at its closing
/// time.</para>
/// </remarks>
public sealed partial class BusinessCalendar
{
    /// <summary>How far ahead to look for an opening before deciding the configuration leaves none.</summary>
    private const int MaxClosedDaysInARow = 3 * 366;

    private static readonly ZoneLocalMappingResolver GapAfterOverlapEarlier =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private readonly DateTimeZone _zone;
    private readonly Dictionary<DateOnly, ClinicHoliday> _holidays;

    /// <summary>Creates a calendar.</summary>
    /// <param name="timeZoneId">The clinic's IANA time zone, such as "America/New_York" or "Europe/London".</param>
    /// <param name="hours">The usual weekly opening hours.</param>
    /// <param name="holidays">Dates closed all day or open for other hours; at most one entry per date.</param>
    /// <exception cref="ArgumentException">The time zone is unknown or a date is given twice.</exception>
    public BusinessCalendar(string timeZoneId, WeeklyOpeningHours hours, IEnumerable<ClinicHoliday>? holidays = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        ArgumentNullException.ThrowIfNull(hours);
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
            ?? throw new ArgumentException(
                $"\"{timeZoneId}\" is not an IANA time zone; use a name such as America/New_York or Europe/London.",
                nameof(timeZoneId));
        TimeZoneId = timeZoneId;
        Hours = hours;
        _holidays = [];
        foreach (var holiday in holidays ?? [])
        {
            ArgumentNullException.ThrowIfNull(holiday, nameof(holidays));
            if (!_holidays.TryAdd(holiday.Date, holiday))
            {
                throw new ArgumentException(
                    $"{holiday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is given twice in the holidays: {_holidays[holiday.Date].Name} and {holiday.Name}.",
                    nameof(holidays));
            }
        }

        Holidays = [.. _holidays.Values.OrderBy(h => h.Date)];
    }

    /// <summary>The clinic's IANA time zone.</summary>
    public string TimeZoneId { get; }

    /// <summary>The usual weekly opening hours.</summary>
    public WeeklyOpeningHours Hours { get; }

    /// <summary>The holidays and short days, by date.</summary>
    public IReadOnlyList<ClinicHoliday> Holidays { get; }

    /// <summary>The opening hours on a local date: the holiday's hours if it is one, else the weekday's.</summary>
    public IReadOnlyList<OpeningInterval> OpeningHoursOn(DateOnly date) =>
        _holidays.TryGetValue(date, out var holiday) ? holiday.OpenHours : Hours.On(date.DayOfWeek);

    /// <summary>True when the clinic is open for some time on the local <paramref name="date"/>.</summary>
    public bool IsBusinessDay(DateOnly date) => Open(LocalDate.FromDateOnly(date)).Length > 0;

    /// <summary>The first business day after <paramref name="date"/>.</summary>
    public DateOnly NextBusinessDayAfter(DateOnly date)
    {
        var day = LocalDate.FromDateOnly(date);
        for (var searched = 1; searched <= MaxClosedDaysInARow; searched++)
        {
            day = day.PlusDays(1);
            if (Open(day).Length > 0)
            {
                return day.ToDateOnly();
            }
        }

        throw NoOpening(date);
    }

    /// <summary>When the clinic closes for the day on <paramref name="date"/> (its last closing time), in UTC; null when closed all day.</summary>
    public DateTime? ClosingTimeOn(DateOnly date)
    {
        var spans = Open(LocalDate.FromDateOnly(date));
        return spans.Length == 0 ? null : ToUtc(spans[^1].End);
    }

    /// <summary>The clinic's wall-clock date and time at a UTC instant (<see cref="DateTimeKind.Unspecified"/>).</summary>
    public DateTime ToLocal(DateTime utc) => ToInstant(utc, nameof(utc)).InZone(_zone).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>The clinic's local date at a UTC instant.</summary>
    public DateOnly LocalDateOf(DateTime utc) => ToInstant(utc, nameof(utc)).InZone(_zone).Date.ToDateOnly();

    /// <summary>
    /// The UTC instant of a local date and time: a time in a spring-forward gap gives the first instant after
    /// the gap; a time in a fall-back overlap gives the earlier instant.
    /// </summary>
    public DateTime ToUtc(DateOnly date, TimeOnly time) =>
        ToUtc(Resolve(LocalDate.FromDateOnly(date), LocalTime.FromTimeOnly(time)));

    /// <summary>Refuses a local or unspecified time, which would silently be read as the wrong instant.</summary>
    internal static void RequireUtc(DateTime utc, string parameterName)
    {
        if (utc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException(
                $"Times given to the business calendar and the contact cadence must be UTC (DateTimeKind.Utc); this one is {utc.Kind}.",
                parameterName);
        }
    }

    /// <summary>Converts an app instant (UTC only).</summary>
    internal static Instant ToInstant(DateTime utc, string parameterName)
    {
        RequireUtc(utc, parameterName);
        return Instant.FromDateTimeUtc(utc);
    }

    private static DateTime ToUtc(Instant instant) => instant.ToDateTimeUtc();

    private Instant Resolve(LocalDate date, LocalTime time) => _zone.ResolveLocal(date + time, GapAfterOverlapEarlier).ToInstant();

    /// <summary>The day's opening intervals as instants, in order; an interval lost entirely in a gap is left out.</summary>
    private Span[] Open(LocalDate date)
    {
        var intervals = OpeningHoursOn(date.ToDateOnly());
        var spans = new List<Span>(intervals.Count);
        foreach (var interval in intervals)
        {
            var start = Resolve(date, LocalTime.FromTimeOnly(interval.Opens));
            var end = Resolve(date, LocalTime.FromTimeOnly(interval.Closes));
            if (start < end)
            {
                spans.Add(new Span(start, end));
            }
        }

        return [.. spans];
    }

    /// <summary>
    /// The opening intervals that end after <paramref name="from"/>, in order, without end (the caller stops).
    /// Starts a day early so that no interval is missed whatever the zone does around midnight.
    /// </summary>
    private IEnumerable<Span> OpenFrom(Instant from)
    {
        var date = from.InZone(_zone).Date.PlusDays(-1);
        var closedDays = 0;
        while (true)
        {
            var found = false;
            foreach (var span in Open(date))
            {
                if (span.End > from)
                {
                    found = true;
                    yield return span;
                }
            }

            closedDays = found ? 0 : closedDays + 1;
            if (closedDays > MaxClosedDaysInARow)
            {
                throw NoOpening(date.ToDateOnly());
            }

            date = date.PlusDays(1);
        }
    }

    private static InvalidOperationException NoOpening(DateOnly after) => new(
        $"The clinic's opening hours and holidays leave no business hours for three years after {after.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; check the calendar settings.");

    /// <summary>An opening interval as instants: open at <see cref="Start"/>, closed at <see cref="End"/>.</summary>
    private readonly record struct Span(Instant Start, Instant End);
}
