using SpineDesk.Clinical.Calendar;

namespace SpineDesk.Clinical.Tests.Calendar;

/// <summary>A calendar that cannot be followed is refused with a message an administrator can act on.</summary>
public class CalendarConfigurationTests
{
    private static readonly WeeklyOpeningHours Weekdays = WeeklyOpeningHours.MondayToFriday(OpeningInterval.Parse("09:00-17:00"));

    [Fact]
    public void An_unknown_time_zone_is_named_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new BusinessCalendar("America/Gotham", Weekdays));
        Assert.Contains("America/Gotham", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_intervals_are_refused_and_named()
    {
        var error = Assert.Throws<ArgumentException>(() => WeeklyOpeningHours.MondayToFriday(
            OpeningInterval.Parse("08:00-12:00"), OpeningInterval.Parse("11:00-14:00")));
        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
        Assert.Contains("08:00–12:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Intervals_are_kept_in_order_and_touching_ones_are_fine()
    {
        var hours = WeeklyOpeningHours.MondayToFriday(OpeningInterval.Parse("13:00-17:00"), OpeningInterval.Parse("08:00-13:00"));
        Assert.Equal([OpeningInterval.Parse("08:00-13:00"), OpeningInterval.Parse("13:00-17:00")], hours.On(DayOfWeek.Monday));
        Assert.Empty(hours.On(DayOfWeek.Sunday));
        var calendar = new BusinessCalendar("UTC", hours);
        Assert.True(calendar.IsOpen(new DateTime(2026, 3, 9, 13, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_clinic_never_open_is_refused() =>
        Assert.Throws<ArgumentException>(() => new WeeklyOpeningHours(new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>>()));

    [Fact]
    public void A_date_given_twice_in_the_holidays_is_refused()
    {
        var day = new DateOnly(2026, 12, 25);
        var error = Assert.Throws<ArgumentException>(() => new BusinessCalendar("Europe/London", Weekdays,
            [ClinicHoliday.Closed(day, "Christmas Day"), ClinicHoliday.ShortDay(day, "Christmas", OpeningInterval.Parse("09:00-12:00"))]));
        Assert.Contains("2026-12-25", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_day_needs_hours() =>
        Assert.Throws<ArgumentException>(() => ClinicHoliday.ShortDay(new DateOnly(2026, 12, 24), "Christmas Eve"));

    [Theory]
    [InlineData("08:00-12:30", 8, 0, 12, 30)]
    [InlineData("8:00 – 12:30", 8, 0, 12, 30)]
    [InlineData("13:15-17:45", 13, 15, 17, 45)]
    public void Opening_hours_are_read_from_text(string text, int openHour, int openMinute, int closeHour, int closeMinute)
    {
        var interval = OpeningInterval.Parse(text);
        Assert.Equal(new TimeOnly(openHour, openMinute), interval.Opens);
        Assert.Equal(new TimeOnly(closeHour, closeMinute), interval.Closes);
    }

    [Theory]
    [InlineData("8-12")]
    [InlineData("08:00")]
    [InlineData("12:00-08:00")]
    [InlineData("09:00-09:00")]
    public void Unreadable_or_backward_hours_are_refused(string text) =>
        Assert.Throws<FormatException>(() => OpeningInterval.Parse(text));

    [Fact]
    public void A_calendar_describes_itself()
    {
        Assert.StartsWith("Sunday closed; Monday 09:00–17:00", Weekdays.ToString(), StringComparison.Ordinal);
        Assert.Equal("2026-12-24 Christmas Eve (09:00–12:00)",
            ClinicHoliday.ShortDay(new DateOnly(2026, 12, 24), "Christmas Eve", OpeningInterval.Parse("09:00-12:00")).ToString());
    }
}
