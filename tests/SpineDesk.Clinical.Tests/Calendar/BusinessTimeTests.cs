using static SpineDesk.Clinical.Tests.Calendar.Calendars;

namespace SpineDesk.Clinical.Tests.Calendar;

/// <summary>Working time added to an instant and working time between two instants, on the New York clinic.</summary>
public class BusinessTimeTests
{
    [Theory]
    [InlineData("2026-03-09T10:00-04:00", 4.0, "2026-03-09T15:00-04:00")]  // the lunch hour does not count
    [InlineData("2026-03-09T16:00-04:00", 4.0, "2026-03-10T11:00-04:00")]  // overnight does not count
    [InlineData("2026-03-06T16:00-05:00", 4.0, "2026-03-09T11:00-04:00")]  // weekend and spring change
    [InlineData("2026-03-14T10:00-04:00", 1.0, "2026-03-16T09:00-04:00")]  // from Saturday: the clock starts Monday
    [InlineData("2026-03-09T09:00-04:00", 7.0, "2026-03-09T17:00-04:00")]  // runs out at closing: that closing time
    [InlineData("2026-03-09T12:30-04:00", 0.5, "2026-03-09T13:30-04:00")]  // from the lunch break
    [InlineData("2026-07-02T15:00-04:00", 3.0, "2026-07-06T09:00-04:00")]  // holiday Friday
    [InlineData("2026-12-23T16:00-05:00", 4.0, "2026-12-24T12:00-05:00")]  // 1 h + the short day's 3 h
    [InlineData("2026-12-23T16:00-05:00", 4.5, "2026-12-28T08:30-05:00")]  // then Christmas and the weekend
    [InlineData("2026-03-14T10:00-04:00", 0.0, "2026-03-14T10:00-04:00")]  // zero: the instant itself
    public void Adding_working_hours(string from, double hours, string expected)
    {
        var result = NewYork.AddBusinessTime(At(from), TimeSpan.FromHours(hours));
        Assert.Equal(At(expected), result);
    }

    [Theory]
    [InlineData("2026-03-09T10:00-04:00", "2026-03-09T15:00-04:00", 4.0)]
    [InlineData("2026-03-06T16:00-05:00", "2026-03-09T09:00-04:00", 2.0)]  // Friday's last hour + Monday's first
    [InlineData("2026-03-07T09:00-05:00", "2026-03-08T18:00-04:00", 0.0)]  // a weekend
    [InlineData("2026-03-09T15:00-04:00", "2026-03-09T10:00-04:00", 0.0)]  // backwards: zero, never negative
    [InlineData("2026-03-09T08:00-04:00", "2026-03-16T08:00-04:00", 40.0)] // a whole week
    [InlineData("2026-07-02T08:00-04:00", "2026-07-06T08:00-04:00", 8.0)]  // holiday Friday
    [InlineData("2026-12-23T08:00-05:00", "2026-12-28T08:00-05:00", 11.0)] // 8 h, short day 3 h, Christmas
    [InlineData("2026-10-30T08:00-04:00", "2026-11-02T17:00-05:00", 16.0)] // over the autumn change
    [InlineData("2026-03-09T19:00-04:00", "2026-03-10T08:30-04:00", 0.5)]  // logged in the evening, seen next morning
    public void Working_time_between(string from, string to, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), NewYork.BusinessTimeBetween(At(from), At(to)));

    [Fact]
    public void Negative_durations_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NewYork.AddBusinessTime(At("2026-03-09T10:00Z"), TimeSpan.FromMinutes(-1)));
}
