namespace SpineDesk.Clinical.Calendar;

/// <summary>
/// The clinic's usual opening hours for each day of the week, in its local time, as the clinic configured
/// them: none (closed), one interval, or several (for example a lunch break: 08:00–12:00 and 13:00–17:00).
/// </summary>
public sealed class WeeklyOpeningHours
{
    private readonly OpeningInterval[][] _byDay = new OpeningInterval[7][];

    /// <summary>Creates the week from each day's intervals; a day left out is closed.</summary>
    /// <exception cref="ArgumentException">Two intervals of a day overlap, or the clinic is never open.</exception>
    public WeeklyOpeningHours(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningInterval>> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            _byDay[(int)day] = days.TryGetValue(day, out var intervals)
                ? CheckDay(intervals, day.ToString())
                : [];
        }

        if (_byDay.All(d => d.Length == 0))
        {
            throw new ArgumentException("The opening hours leave the clinic closed every day of the week.", nameof(days));
        }
    }

    /// <summary>The same intervals Monday to Friday; closed at the weekend.</summary>
    public static WeeklyOpeningHours MondayToFriday(params OpeningInterval[] intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var days = new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>>();
        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
        {
            days[day] = intervals;
        }

        return new WeeklyOpeningHours(days);
    }

    /// <summary>The intervals of <paramref name="day"/> in order; empty when the clinic is closed that day.</summary>
    public IReadOnlyList<OpeningInterval> On(DayOfWeek day) =>
        Enum.IsDefined(day) ? _byDay[(int)day] : throw new ArgumentOutOfRangeException(nameof(day), day, "Unknown day of the week.");

    /// <summary>"Monday 08:00–12:00, 13:00–17:00; …; Sunday closed".</summary>
    public override string ToString() => string.Join("; ",
        Enum.GetValues<DayOfWeek>().Select(d => $"{d} {(On(d).Count == 0 ? "closed" : string.Join(", ", On(d)))}"));

    /// <summary>Sorts a day's intervals and refuses empty or overlapping ones (touching is fine).</summary>
    internal static OpeningInterval[] CheckDay(IEnumerable<OpeningInterval> intervals, string dayName)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var sorted = intervals.OrderBy(i => i.Opens).ToArray();
        for (var k = 0; k < sorted.Length; k++)
        {
            if (sorted[k].Opens >= sorted[k].Closes)
            {
                throw new ArgumentException($"Opening hours on {dayName} include an empty interval.", nameof(intervals));
            }

            if (k > 0 && sorted[k].Opens < sorted[k - 1].Closes)
            {
                throw new ArgumentException(
                    $"Opening hours on {dayName} overlap: {sorted[k - 1]} and {sorted[k]}.", nameof(intervals));
            }
        }

        return sorted;
    }
}
