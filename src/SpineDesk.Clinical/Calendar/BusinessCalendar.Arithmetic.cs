using NodaTime;

namespace SpineDesk.Clinical.Calendar;

public sealed partial class BusinessCalendar
{
    /// <summary>True when the clinic is open at <paramref name="utc"/> (opening time included, closing time excluded).</summary>
    public bool IsOpen(DateTime utc)
    {
        var instant = ToInstant(utc, nameof(utc));
        return OpenFrom(instant).First().Start <= instant;
    }

    /// <summary>
    /// The first instant at or after <paramref name="utc"/> when the clinic is open: the instant itself during
    /// business hours, else the next opening time (after the evening, the weekend, a lunch break or a holiday).
    /// </summary>
    public DateTime NextOpen(DateTime utc)
    {
        var instant = ToInstant(utc, nameof(utc));
        var first = OpenFrom(instant).First();
        return first.Start <= instant ? utc : ToUtc(first.Start);
    }

    /// <summary>
    /// Moves <paramref name="days"/> business days on from <paramref name="utc"/>, keeping the local time of day.
    /// </summary>
    /// <remarks>
    /// The rule, exactly:
    /// <list type="number">
    /// <item>The target day is the <paramref name="days"/>-th business day (a local date with some opening
    /// hours, after holidays) strictly after the local date of <paramref name="utc"/>. The starting date does not
    /// count, whether or not it is a business day: from Friday or Saturday, +1 is Monday.</item>
    /// <item>The local time of day of <paramref name="utc"/> is kept on the target day (through the gap and
    /// overlap rules of the class). If the clinic is open then, that is the result.</item>
    /// <item>Otherwise the result is the target day's next opening after that time (before opening → the
    /// opening; in a lunch break → the end of the break); if the clinic has already closed for the day at that
    /// time, the target day's first opening, so that the result stays on the target day.</item>
    /// </list>
    /// Examples with Monday–Friday 08:00–17:00: Friday 16:00 +1 → Monday 16:00; Friday 19:00 +1 → Monday 08:00;
    /// Saturday 11:00 +1 → Monday 11:00; Tuesday 07:00 +1 → Wednesday 08:00. Zero days gives <see cref="NextOpen"/>.
    /// The result is always within business hours and always after <paramref name="utc"/> when days &gt; 0.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public DateTime AddBusinessDays(DateTime utc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var instant = ToInstant(utc, nameof(utc));
        if (days == 0)
        {
            return NextOpen(utc);
        }

        var local = instant.InZone(_zone).LocalDateTime;
        var day = local.Date.ToDateOnly();
        for (var counted = 0; counted < days; counted++)
        {
            day = NextBusinessDayAfter(day);
        }

        var date = LocalDate.FromDateOnly(day);
        var spans = Open(date);
        var sameTime = Resolve(date, local.TimeOfDay);
        foreach (var span in spans)
        {
            if (span.End > sameTime)
            {
                return ToUtc(span.Start > sameTime ? span.Start : sameTime);
            }
        }

        return ToUtc(spans[0].Start);
    }

    /// <summary>
    /// The earliest instant by which <paramref name="duration"/> of business time has passed since
    /// <paramref name="utc"/>, counting only opening hours (for "within 8 working hours"). Time outside business
    /// hours does not count, so the clock starts at the next opening. When the time runs out exactly at a closing
    /// time the result is that closing time (the deadline "by 17:00"), not the next opening; a zero duration
    /// gives <paramref name="utc"/> itself. Always: <c>BusinessTimeBetween(utc, result) == duration</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public DateTime AddBusinessTime(DateTime utc, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var instant = ToInstant(utc, nameof(utc));
        var remaining = Duration.FromTimeSpan(duration);
        if (remaining == Duration.Zero)
        {
            return utc;
        }

        foreach (var span in OpenFrom(instant))
        {
            var start = span.Start > instant ? span.Start : instant;
            var available = span.End - start;
            if (remaining <= available)
            {
                return ToUtc(start + remaining);
            }

            remaining -= available;
        }

        throw new InvalidOperationException("Unreachable: the opening intervals never end.");
    }

    /// <summary>
    /// The business time between two instants: how much of [<paramref name="fromUtc"/>, <paramref name="toUtc"/>)
    /// falls within opening hours (for "time waiting against the first-contact target" in working time).
    /// Zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/> (a clock a little behind
    /// another should not make a waiting time negative). Additive: between(a, b) + between(b, c) = between(a, c)
    /// for a ≤ b ≤ c.
    /// </summary>
    public TimeSpan BusinessTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = ToInstant(fromUtc, nameof(fromUtc));
        var to = ToInstant(toUtc, nameof(toUtc));
        var total = Duration.Zero;
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        foreach (var span in OpenFrom(from))
        {
            if (span.Start >= to)
            {
                break;
            }

            var start = span.Start > from ? span.Start : from;
            var end = span.End < to ? span.End : to;
            total += end - start;
        }

        return total.ToTimeSpan();
    }
}
