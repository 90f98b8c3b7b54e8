using BenchmarkDotNet.Attributes;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Cadence;
using SpineDesk.Clinical.Calendar;

namespace SpineDesk.Benchmarks;

/// <summary>
/// Working-time arithmetic as the desk uses it: a first-contact deadline (routine, eight working hours) from a
/// receipt on a Friday afternoon, which crosses a weekend, in New York with a lunch break; and the business time
/// between two instants a week apart. The baseline converts the same UTC instant to clinic time with
/// <see cref="TimeZoneInfo"/>, the least any of them must do.
/// </summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private readonly ContactCadence cadence = new(
        ContactCadencePolicy.Default,
        new BusinessCalendar(
            "America/New_York",
            WeeklyOpeningHours.MondayToFriday(new OpeningInterval(new TimeOnly(8, 0), new TimeOnly(12, 30)), new OpeningInterval(new TimeOnly(13, 30), new TimeOnly(18, 0))),
            [ClinicHoliday.Closed(new DateOnly(2026, 11, 26), "Thanksgiving")]));

    // Friday 20 November 2026, 15:10 in New York.
    private readonly DateTime received = new(2026, 11, 20, 20, 10, 0, DateTimeKind.Utc);

    [Benchmark(Baseline = true)]
    public DateTime ToClinicTime() => TimeZoneInfo.ConvertTimeFromUtc(received, NewYork);

    [Benchmark]
    public DateTime FirstContactDeadline() => cadence.FirstContactDeadline(Urgency.Routine, received);

    [Benchmark]
    public TimeSpan BusinessTimeBetween() => cadence.Calendar.BusinessTimeBetween(received, received.AddDays(7));
}
