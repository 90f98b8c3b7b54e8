using static SpineDesk.Clinical.Tests.Calendar.Calendars;

namespace SpineDesk.Clinical.Tests.Calendar;

/// <summary>
/// Clinics open in the small hours, so that opening hours straddle the daylight-saving changes: New York
/// 8 March 2026 (02:00 EST → 03:00 EDT) and 1 November 2026 (02:00 EDT → 01:00 EST); London 29 March 2026
/// (01:00 GMT → 02:00 BST) and 25 October 2026 (02:00 BST → 01:00 GMT). A local time in the gap means the
/// first instant after it; a local time in the overlap means the earlier instant.
/// </summary>
public class DaylightSavingTests
{
    [Theory]
    [InlineData("NewYorkSmallHours", "2026-03-08", "02:30", "2026-03-08T07:00Z")] // gap → 03:00 EDT
    [InlineData("NewYorkSmallHours", "2026-03-08", "03:00", "2026-03-08T07:00Z")]
    [InlineData("NewYorkSmallHours", "2026-11-01", "01:30", "2026-11-01T05:30Z")] // overlap → 01:30 EDT, the earlier
    [InlineData("NewYorkSmallHours", "2026-11-01", "02:00", "2026-11-01T07:00Z")] // unambiguous EST
    [InlineData("LondonSmallHours", "2026-03-29", "01:30", "2026-03-29T01:00Z")]  // gap → 02:00 BST
    [InlineData("LondonSmallHours", "2026-10-25", "01:30", "2026-10-25T00:30Z")]  // overlap → 01:30 BST, the earlier
    public void Local_times_in_a_gap_or_an_overlap(string calendar, string date, string time, string expected) =>
        Assert.Equal(At(expected), Named(calendar).ToUtc(
            DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("NewYorkSmallHours", "2026-03-07T12:00Z", "2026-03-08T12:00Z", 3.0)] // 01:00 EST → 05:00 EDT
    [InlineData("NewYorkSmallHours", "2026-03-08T12:00Z", "2026-03-09T12:00Z", 4.0)]
    [InlineData("NewYorkSmallHours", "2026-10-31T12:00Z", "2026-11-01T12:00Z", 5.0)] // 01:00 EDT → 05:00 EST
    [InlineData("LondonSmallHours", "2026-03-28T12:00Z", "2026-03-29T12:00Z", 1.5)]  // 00:30 GMT → 03:00 BST
    [InlineData("LondonSmallHours", "2026-10-24T12:00Z", "2026-10-25T12:00Z", 3.5)]  // 00:30 BST → 03:00 GMT
    public void A_day_across_a_change_is_shorter_or_longer(string calendar, string from, string to, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), Named(calendar).BusinessTimeBetween(At(from), At(to)));

    [Theory]
    [InlineData("NewYorkSmallHours", "2026-03-08T06:59Z", true)]  // 01:59 EST
    [InlineData("NewYorkSmallHours", "2026-03-08T07:00Z", true)]  // 03:00 EDT
    [InlineData("NewYorkSmallHours", "2026-03-08T09:00Z", false)] // 05:00 EDT: closed
    [InlineData("NewYorkSmallHours", "2026-11-01T06:30Z", true)]  // 01:30 EST, the second 01:30
    [InlineData("NewYorkSmallHours", "2026-11-01T09:59Z", true)]  // 04:59 EST
    [InlineData("NewYorkSmallHours", "2026-11-01T10:00Z", false)]
    [InlineData("LondonSmallHours", "2026-10-25T00:00Z", true)]   // 01:00 BST
    [InlineData("LondonSmallHours", "2026-10-24T23:29Z", false)]  // 00:29 BST
    public void Open_across_a_change(string calendar, string instant, bool open) =>
        Assert.Equal(open, Named(calendar).IsOpen(At(instant)));

    [Theory]
    [InlineData("NewYorkSmallHours", "2026-03-07T02:30-05:00", 1, "2026-03-08T07:00Z")] // 02:30 does not exist → 03:00 EDT
    [InlineData("NewYorkSmallHours", "2026-10-31T01:30-04:00", 1, "2026-11-01T05:30Z")] // 01:30 twice → the earlier
    [InlineData("NewYorkSmallHours", "2026-11-01T01:30-05:00", 1, "2026-11-02T06:30Z")] // from the later 01:30
    [InlineData("LondonSmallHours", "2026-03-28T01:30+00:00", 1, "2026-03-29T01:00Z")]
    [InlineData("LondonSmallHours", "2026-10-24T01:30+01:00", 1, "2026-10-25T00:30Z")]
    public void Same_local_time_next_day_across_a_change(string calendar, string from, int days, string expected) =>
        Assert.Equal(At(expected), Named(calendar).AddBusinessDays(At(from), days));

    [Theory]
    [InlineData("NewYorkSmallHours", "2026-03-08T06:00Z", 2.0, "2026-03-08T08:00Z")] // 01:00 EST + 2 h = 04:00 EDT
    [InlineData("NewYorkSmallHours", "2026-11-01T05:00Z", 5.0, "2026-11-01T10:00Z")] // the whole 5-hour day
    [InlineData("NewYorkSmallHours", "2026-11-01T05:00Z", 5.5, "2026-11-02T06:30Z")]
    public void Working_time_across_a_change(string calendar, string from, double hours, string expected) =>
        Assert.Equal(At(expected), Named(calendar).AddBusinessTime(At(from), TimeSpan.FromHours(hours)));

    [Fact]
    public void Wall_clock_of_an_instant_follows_the_change()
    {
        Assert.Equal(new DateTime(2026, 3, 9, 10, 0, 0), NewYork.ToLocal(At("2026-03-09T14:00Z")));
        Assert.Equal(new DateTime(2026, 3, 6, 10, 0, 0), NewYork.ToLocal(At("2026-03-06T15:00Z")));
        Assert.Equal(new DateOnly(2026, 3, 28), London.LocalDateOf(At("2026-03-28T23:30Z"))); // 23:30 GMT
        Assert.Equal(new DateOnly(2026, 3, 30), London.LocalDateOf(At("2026-03-29T23:30Z"))); // 00:30 BST
    }
}
