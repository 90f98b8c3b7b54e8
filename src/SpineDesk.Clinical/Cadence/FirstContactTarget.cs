using System.Globalization;
using SpineDesk.Clinical.Calendar;

namespace SpineDesk.Clinical.Cadence;

/// <summary>
/// How soon the clinic aims to make its first attempt to contact a new inquiry, in working time, as the
/// clinic configured it per urgency (DESIGN.md §2, capability 4: "time waiting against the clinic's first-contact target";
/// §4.2 for "urgent: same working day call").
/// </summary>
public sealed record FirstContactTarget
{
    private FirstContactTarget(TimeSpan? businessTime, TimeOnly? sameDayCutoff)
    {
        BusinessTime = businessTime;
        SameDayCutoff = sameDayCutoff;
    }

    /// <summary>For a "within N working hours" target, N; null for a same-working-day target.</summary>
    public TimeSpan? BusinessTime { get; }

    /// <summary>
    /// For a same-working-day target, the local time after which an inquiry counts toward the next working day
    /// (so that one arriving five minutes before closing is not already late); null for none.
    /// </summary>
    public TimeOnly? SameDayCutoff { get; }

    /// <summary>True for a same-working-day target.</summary>
    public bool IsSameBusinessDay => BusinessTime is null;

    /// <summary>
    /// First attempt by the close of the working day the inquiry arrives in; arriving outside business hours,
    /// by the close of the next working day; arriving at or after <paramref name="cutoff"/> (local time),
    /// by the close of the following working day.
    /// </summary>
    public static FirstContactTarget SameBusinessDay(TimeOnly? cutoff = null) => new(null, cutoff);

    /// <summary>First attempt within <paramref name="businessTime"/> of opening hours after the inquiry arrives.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is not positive.</exception>
    public static FirstContactTarget WithinBusinessTime(TimeSpan businessTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(businessTime, TimeSpan.Zero);
        return new(businessTime, null);
    }

    /// <summary>The instant, UTC, by which the first attempt should be made for an inquiry received at <paramref name="receivedUtc"/>.</summary>
    public DateTime DeadlineFor(DateTime receivedUtc, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (BusinessTime is { } time)
        {
            return calendar.AddBusinessTime(receivedUtc, time);
        }

        var start = calendar.NextOpen(receivedUtc);
        var day = calendar.LocalDateOf(start);
        if (SameDayCutoff is { } cutoff && TimeOnly.FromDateTime(calendar.ToLocal(start)) >= cutoff)
        {
            day = calendar.NextBusinessDayAfter(day);
        }

        return calendar.ClosingTimeOn(day) ?? throw new InvalidOperationException("A day with an opening has a closing time.");
    }

    /// <summary>"same working day", "same working day (after 16:00: the next)", "within 8 working hours".</summary>
    public override string ToString()
    {
        if (BusinessTime is { } time)
        {
            var hours = time.TotalHours;
            return hours == Math.Floor(hours)
                ? string.Create(CultureInfo.InvariantCulture, $"within {hours:0} working hour{(hours == 1 ? "" : "s")}")
                : string.Create(CultureInfo.InvariantCulture, $"within {(int)hours} h {time.Minutes} min of working time");
        }

        return SameDayCutoff is { } cutoff
            ? string.Create(CultureInfo.InvariantCulture, $"same working day (after {cutoff:HH:mm}: the next)")
            : "same working day";
    }
}
