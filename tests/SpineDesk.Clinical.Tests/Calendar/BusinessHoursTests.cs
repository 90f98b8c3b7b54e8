using static SpineDesk.Clinical.Tests.Calendar.Calendars;

namespace SpineDesk.Clinical.Tests.Calendar;

/// <summary>Open or closed, the next opening, and whole business days, on the New York and London clinics.</summary>
public class BusinessHoursTests
{
    [Theory]
    [InlineData("2026-03-09T08:00-04:00", true)]  // Monday, opening time included
    [InlineData("2026-03-09T07:59-04:00", false)]
    [InlineData("2026-03-09T11:59-04:00", true)]
    [InlineData("2026-03-09T12:00-04:00", false)] // lunch break
    [InlineData("2026-03-09T12:59-04:00", false)]
    [InlineData("2026-03-09T13:00-04:00", true)]
    [InlineData("2026-03-09T16:59-04:00", true)]
    [InlineData("2026-03-09T17:00-04:00", false)] // closing time excluded
    [InlineData("2026-03-07T10:00-05:00", false)] // Saturday
    [InlineData("2026-03-08T10:00-04:00", false)] // Sunday of the change
    [InlineData("2026-07-03T10:00-04:00", false)] // Independence Day observed
    [InlineData("2026-12-24T10:00-05:00", true)]  // Christmas Eve short day
    [InlineData("2026-12-24T13:30-05:00", false)]
    [InlineData("2026-11-02T08:30-05:00", true)]  // first Monday back on standard time
    [InlineData("2026-11-02T07:30-05:00", false)] // 08:30 on daylight time would be this instant
    public void Open_in_New_York(string instant, bool open) => Assert.Equal(open, NewYork.IsOpen(At(instant)));

    [Theory]
    [InlineData("2026-03-09T10:00-04:00", "2026-03-09T10:00-04:00")] // open: the instant itself
    [InlineData("2026-03-09T12:15-04:00", "2026-03-09T13:00-04:00")] // lunch break
    [InlineData("2026-03-09T17:00-04:00", "2026-03-10T08:00-04:00")] // evening
    [InlineData("2026-03-06T18:00-05:00", "2026-03-09T08:00-04:00")] // Friday evening, over the spring change
    [InlineData("2026-10-30T18:00-04:00", "2026-11-02T08:00-05:00")] // Friday evening, over the autumn change
    [InlineData("2026-07-02T17:30-04:00", "2026-07-06T08:00-04:00")] // holiday Friday and weekend
    [InlineData("2026-12-23T17:30-05:00", "2026-12-24T09:00-05:00")] // short day opens later
    [InlineData("2026-12-24T12:00-05:00", "2026-12-28T08:00-05:00")] // short day over, Christmas, weekend
    public void Next_opening_in_New_York(string from, string expected) =>
        Assert.Equal(At(expected), NewYork.NextOpen(At(from)));

    [Theory]
    [InlineData("2026-03-13T16:00-04:00", 1, "2026-03-16T16:00-04:00")] // Friday 16:00 → Monday 16:00
    [InlineData("2026-03-06T16:00-05:00", 1, "2026-03-09T16:00-04:00")] // same local time over the spring change (71 h)
    [InlineData("2026-10-30T10:00-04:00", 1, "2026-11-02T10:00-05:00")] // and over the autumn change (73 h)
    [InlineData("2026-03-13T19:00-04:00", 1, "2026-03-16T08:00-04:00")] // Friday evening → Monday's opening
    [InlineData("2026-03-14T11:00-04:00", 1, "2026-03-16T11:00-04:00")] // Saturday → Monday, same time
    [InlineData("2026-03-15T23:30-04:00", 1, "2026-03-16T08:00-04:00")] // Sunday night → Monday's opening
    [InlineData("2026-03-10T07:00-04:00", 1, "2026-03-11T08:00-04:00")] // before opening → the opening
    [InlineData("2026-03-09T12:30-04:00", 1, "2026-03-10T13:00-04:00")] // lunch break → its end
    [InlineData("2026-03-09T10:00-04:00", 3, "2026-03-12T10:00-04:00")]
    [InlineData("2026-03-11T10:00-04:00", 3, "2026-03-16T10:00-04:00")] // over a weekend
    [InlineData("2026-07-01T10:00-04:00", 1, "2026-07-02T10:00-04:00")]
    [InlineData("2026-07-01T10:00-04:00", 2, "2026-07-06T10:00-04:00")] // skips the holiday and the weekend
    [InlineData("2026-07-02T10:00-04:00", 1, "2026-07-06T10:00-04:00")]
    [InlineData("2026-12-23T15:00-05:00", 1, "2026-12-24T09:00-05:00")] // short day closed by then → its opening
    [InlineData("2026-12-23T10:00-05:00", 1, "2026-12-24T10:00-05:00")]
    [InlineData("2026-12-23T10:00-05:00", 2, "2026-12-28T10:00-05:00")]
    [InlineData("2026-03-09T10:00-04:00", 0, "2026-03-09T10:00-04:00")] // zero days: the next opening
    [InlineData("2026-03-14T10:00-04:00", 0, "2026-03-16T08:00-04:00")]
    public void Business_days_in_New_York(string from, int days, string expected) =>
        Assert.Equal(At(expected), NewYork.AddBusinessDays(At(from), days));

    [Theory]
    [InlineData("2026-03-27T16:00+00:00", 1, "2026-03-30T16:00+01:00")] // Friday → Monday over the spring change
    [InlineData("2026-10-23T09:30+01:00", 1, "2026-10-26T09:30+00:00")] // and over the autumn change
    [InlineData("2026-04-02T10:00+01:00", 1, "2026-04-07T10:00+01:00")] // Good Friday to Easter Monday
    [InlineData("2026-04-01T17:30+01:00", 2, "2026-04-07T09:00+01:00")] // closing time counts as closed
    public void Business_days_in_London(string from, int days, string expected) =>
        Assert.Equal(At(expected), London.AddBusinessDays(At(from), days));

    [Fact]
    public void Results_are_UTC_instants()
    {
        var next = NewYork.AddBusinessDays(At("2026-03-13T16:00-04:00"), 1);
        Assert.Equal(DateTimeKind.Utc, next.Kind);
        Assert.Equal(DateTimeKind.Utc, NewYork.NextOpen(At("2026-03-14T10:00-04:00")).Kind);
        Assert.Equal(DateTimeKind.Utc, NewYork.AddBusinessTime(At("2026-03-14T10:00-04:00"), TimeSpan.FromHours(1)).Kind);
    }

    [Fact]
    public void Local_and_unspecified_times_are_refused_because_they_would_be_read_as_the_wrong_instant()
    {
        var local = new DateTime(2026, 3, 9, 10, 0, 0, DateTimeKind.Local);
        var unspecified = new DateTime(2026, 3, 9, 10, 0, 0, DateTimeKind.Unspecified);
        Assert.Contains("UTC", Assert.Throws<ArgumentException>(() => NewYork.IsOpen(local)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => NewYork.NextOpen(unspecified));
        Assert.Throws<ArgumentException>(() => NewYork.BusinessTimeBetween(At("2026-03-09T10:00Z"), unspecified));
    }

    [Fact]
    public void Negative_days_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NewYork.AddBusinessDays(At("2026-03-09T10:00-04:00"), -1));

    [Theory]
    [InlineData("2026-07-03", false)]
    [InlineData("2026-07-04", false)]
    [InlineData("2026-07-06", true)]
    [InlineData("2026-12-24", true)]
    [InlineData("2026-12-25", false)]
    public void Business_days_follow_the_holidays(string date, bool business) =>
        Assert.Equal(business, NewYork.IsBusinessDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Closing_time_of_a_day_is_its_last_closing()
    {
        Assert.Equal(At("2026-03-09T17:00-04:00"), NewYork.ClosingTimeOn(new DateOnly(2026, 3, 9)));
        Assert.Equal(At("2026-12-24T12:00-05:00"), NewYork.ClosingTimeOn(new DateOnly(2026, 12, 24)));
        Assert.Null(NewYork.ClosingTimeOn(new DateOnly(2026, 7, 3)));
        Assert.Equal(new DateOnly(2026, 7, 6), NewYork.NextBusinessDayAfter(new DateOnly(2026, 7, 2)));
    }
}
