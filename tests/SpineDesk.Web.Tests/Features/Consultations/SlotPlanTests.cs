using SpineDesk.Data.Consultations;
using SpineDesk.Web.Features.Consultations;

namespace SpineDesk.Web.Tests.Features.Consultations;

/// <summary>The schedule arithmetic: weekly hours, dates closed, extra hours, daylight-saving changes.</summary>
public sealed class SlotPlanTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static ClinicianAvailability Weekly(DayOfWeek day, int from, int to, int minutes = 30) => new()
    {
        ClinicianId = "c",
        Day = day,
        Start = new TimeOnly(from, 0),
        End = new TimeOnly(to, 0),
        SlotMinutes = minutes,
        Location = "Room 2",
    };

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Weekly_hours_are_cut_into_slots_on_the_clinic_clock()
    {
        // Monday 9 March 2026: New York is on daylight time (UTC−4) since the day before.
        var slots = BookableSlots.Plan(NewYork, "c", [Weekly(DayOfWeek.Monday, 9, 10)], [], new DateOnly(2026, 3, 9), 7);

        Assert.Equal([Utc(2026, 3, 9, 13), Utc(2026, 3, 9, 13, 30)], slots.Select(s => s.StartUtc));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(30), s.EndUtc - s.StartUtc));
    }

    [Fact]
    public void The_same_wall_clock_hour_moves_in_UTC_across_the_clocks_changing()
    {
        var slots = BookableSlots.Plan(NewYork, "c", [Weekly(DayOfWeek.Monday, 9, 10, 60)], [], new DateOnly(2026, 3, 2), 14);

        // 09:00 on 2 March is 14:00 UTC (EST); on 9 March it is 13:00 UTC (EDT).
        Assert.Equal([Utc(2026, 3, 2, 14), Utc(2026, 3, 9, 13)], slots.Select(s => s.StartUtc));
    }

    [Fact]
    public void A_time_the_clocks_skip_offers_no_slot()
    {
        // 8 March 2026: 02:00–03:00 does not exist in New York.
        var slots = BookableSlots.Plan(NewYork, "c", [Weekly(DayOfWeek.Sunday, 1, 4, 60)], [], new DateOnly(2026, 3, 8), 1);

        Assert.Equal([Utc(2026, 3, 8, 6), Utc(2026, 3, 8, 7)], slots.Select(s => s.StartUtc));
    }

    [Fact]
    public void A_closed_date_offers_nothing_and_extra_hours_add_slots()
    {
        AvailabilityChange[] changes =
        [
            new() { ClinicianId = "c", Date = new DateOnly(2026, 6, 1), Kind = AvailabilityChangeKind.Closed },
            new()
            {
                ClinicianId = "c", Date = new DateOnly(2026, 6, 2), Kind = AvailabilityChangeKind.ExtraHours,
                Start = new TimeOnly(14, 0), End = new TimeOnly(15, 0), SlotMinutes = 60, Location = "Annex", OffersVideo = true,
            },
        ];

        var slots = BookableSlots.Plan(NewYork, "c", [Weekly(DayOfWeek.Monday, 9, 10, 60)], changes, new DateOnly(2026, 6, 1), 8);

        // Monday 1 June closed; Tuesday 2 June extra 14:00 (18:00 UTC); Monday 8 June as usual.
        Assert.Equal([Utc(2026, 6, 2, 18), Utc(2026, 6, 8, 13)], slots.Select(s => s.StartUtc));
        Assert.True(slots[0].OffersVideo);
        Assert.Equal("Annex", slots[0].Location);
    }
}
