using CsCheck;
using SpineDesk.Clinical.Calendar;

namespace SpineDesk.Clinical.Tests.Calendar;

/// <summary>Invariants of the business-hours arithmetic, on every test calendar, over 2026–2027 (four daylight-saving changes each).</summary>
public class BusinessCalendarPropertyTests
{
    private static readonly long FirstMinute = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks / TimeSpan.TicksPerMinute;
    private static readonly long LastMinute = new DateTime(2027, 12, 31, 0, 0, 0, DateTimeKind.Utc).Ticks / TimeSpan.TicksPerMinute;

    /// <summary>A UTC instant on a whole minute: the opening hours are whole minutes too, so edges are hit often.</summary>
    internal static readonly Gen<DateTime> Instant =
        Gen.Long[FirstMinute, LastMinute].Select(m => new DateTime(m * TimeSpan.TicksPerMinute, DateTimeKind.Utc));

    internal static readonly Gen<BusinessCalendar> AnyCalendar = Gen.Int[0, Calendars.All.Length - 1].Select(i => Calendars.All[i]);

    [Fact]
    public void The_next_opening_is_open_not_before_and_nothing_open_is_skipped()
    {
        Gen.Select(AnyCalendar, Instant).Sample((calendar, t) =>
        {
            var next = calendar.NextOpen(t);
            return next >= t
                && calendar.IsOpen(next)
                && calendar.BusinessTimeBetween(t, next) == TimeSpan.Zero
                && (next == t) == calendar.IsOpen(t);
        });
    }

    [Fact]
    public void Open_means_the_next_minute_is_working_time()
    {
        Gen.Select(AnyCalendar, Instant).Sample((calendar, t) =>
            calendar.IsOpen(t) == (calendar.BusinessTimeBetween(t, t.AddMinutes(1)) == TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Business_days_land_open_after_the_start_on_the_nth_business_day()
    {
        Gen.Select(AnyCalendar, Instant, Gen.Int[1, 10]).Sample((calendar, t, days) =>
        {
            var result = calendar.AddBusinessDays(t, days);
            var from = calendar.LocalDateOf(t);
            var to = calendar.LocalDateOf(result);
            var between = Enumerable.Range(1, to.DayNumber - from.DayNumber - 1)
                .Count(d => calendar.IsBusinessDay(from.AddDays(d)));
            return result > t && calendar.IsOpen(result) && calendar.IsBusinessDay(to) && between == days - 1;
        });
    }

    [Fact]
    public void Adding_working_time_then_measuring_it_gives_it_back()
    {
        Gen.Select(AnyCalendar, Instant, Gen.Int[0, 60 * 60]).Sample((calendar, t, minutes) =>
        {
            var duration = TimeSpan.FromMinutes(minutes);
            var result = calendar.AddBusinessTime(t, duration);
            return result >= t && calendar.BusinessTimeBetween(t, result) == duration;
        });
    }

    [Fact]
    public void Working_time_between_is_additive_never_negative_and_at_most_the_wall_time()
    {
        Gen.Select(AnyCalendar, Instant, Instant, Instant).Sample((calendar, x, y, z) =>
        {
            var sorted = new[] { x, y, z }.Order().ToArray();
            var (a, b, c) = (sorted[0], sorted[1], sorted[2]);
            var ac = calendar.BusinessTimeBetween(a, c);
            return ac == calendar.BusinessTimeBetween(a, b) + calendar.BusinessTimeBetween(b, c)
                && ac >= TimeSpan.Zero
                && ac <= c - a
                && calendar.BusinessTimeBetween(c, a) == TimeSpan.Zero;
        });
    }
}
