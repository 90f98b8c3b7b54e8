using SpineDesk.Clinical.Cadence;
using static SpineDesk.Clinical.Tests.Calendar.Calendars;

namespace SpineDesk.Clinical.Tests.Cadence;

/// <summary>
/// The first-contact deadline per urgency on the New York clinic (Monday–Friday 08:00–12:00, 13:00–17:00) with
/// the default policy: emergency and urgent the same working day, routine within 8 working hours.
/// </summary>
public class FirstContactTargetTests
{
    private static readonly ContactCadence Cadence = new(ContactCadencePolicy.Default, NewYork);

    [Theory]
    [InlineData(Urgency.Urgent, "2026-03-09T10:00-04:00", "2026-03-09T17:00-04:00")]    // by Monday's close
    [InlineData(Urgency.Emergency, "2026-03-09T16:55-04:00", "2026-03-09T17:00-04:00")] // literally the same day
    [InlineData(Urgency.Emergency, "2026-03-09T19:00-04:00", "2026-03-10T17:00-04:00")] // evening: the next working day
    [InlineData(Urgency.Urgent, "2026-07-02T18:00-04:00", "2026-07-06T17:00-04:00")]    // holiday Friday, weekend
    [InlineData(Urgency.Urgent, "2026-12-24T08:00-05:00", "2026-12-24T12:00-05:00")]    // short day closes at noon
    [InlineData(Urgency.Urgent, "2026-03-06T20:00-05:00", "2026-03-09T17:00-04:00")]    // over the spring change
    [InlineData(Urgency.Routine, "2026-03-09T10:00-04:00", "2026-03-10T10:00-04:00")]   // 6 h Monday + 2 h Tuesday
    [InlineData(Urgency.Routine, "2026-03-14T10:00-04:00", "2026-03-16T17:00-04:00")]   // Saturday: Monday's 8 h
    [InlineData(Urgency.Routine, "2026-10-30T15:00-04:00", "2026-11-02T15:00-05:00")]   // 2 h Friday, 6 h Monday, over the change
    public void Deadline_per_urgency(Urgency urgency, string received, string deadline) =>
        Assert.Equal(At(deadline), Cadence.FirstContactDeadline(urgency, At(received)));

    [Theory]
    [InlineData("2026-03-09T15:59-04:00", "2026-03-09T17:00-04:00")]
    [InlineData("2026-03-09T16:00-04:00", "2026-03-10T17:00-04:00")] // at the cutoff: the next working day
    [InlineData("2026-03-09T12:30-04:00", "2026-03-09T17:00-04:00")] // lunch break: counts from 13:00
    [InlineData("2026-03-13T16:30-04:00", "2026-03-16T17:00-04:00")] // Friday after the cutoff: Monday
    public void A_same_day_target_with_a_cutoff_moves_late_arrivals_to_the_next_day(string received, string deadline)
    {
        var policy = ContactCadencePolicy.Default with { UrgentTarget = FirstContactTarget.SameBusinessDay(new TimeOnly(16, 0)) };
        Assert.Equal(At(deadline), new ContactCadence(policy, NewYork).FirstContactDeadline(Urgency.Urgent, At(received)));
    }

    [Theory]
    [InlineData("2026-03-09T16:59-04:00", true)]  // before the deadline (Monday 17:00)
    [InlineData("2026-03-09T17:00-04:00", true)]  // exactly at it
    [InlineData("2026-03-10T08:00-04:00", false)] // the next morning: late
    public void First_contact_met_is_the_first_attempt_by_the_deadline(string firstAttempt, bool met)
    {
        // Given in any order: the earliest attempt is the first.
        LoggedAttempt[] attempts =
        [
            new(At(firstAttempt).AddDays(1), AttemptOutcome.Reached),
            new(At(firstAttempt), AttemptOutcome.NoAnswer),
        ];
        var decision = Cadence.Decide(Urgency.Urgent, At("2026-03-09T10:00-04:00"), attempts, At("2026-03-12T10:00-04:00"));
        Assert.Equal(At("2026-03-09T17:00-04:00"), decision.FirstContactDeadline);
        Assert.Equal(At(firstAttempt), decision.FirstAttemptAt);
        Assert.Equal(met, decision.FirstContactMet);
    }

    [Theory]
    [InlineData("2026-03-09T16:59-04:00", null)]  // no attempt yet, still time
    [InlineData("2026-03-09T17:00-04:00", null)]
    [InlineData("2026-03-09T17:01-04:00", false)] // no attempt and the deadline has passed
    public void Without_an_attempt_first_contact_is_pending_until_the_deadline_passes(string now, bool? met)
    {
        var decision = Cadence.Decide(Urgency.Urgent, At("2026-03-09T10:00-04:00"), [], At(now));
        Assert.Equal(met, decision.FirstContactMet);
        Assert.Null(decision.FirstAttemptAt);
        Assert.Equal(met is false, decision.Reason.Contains("overdue", StringComparison.Ordinal));
        Assert.Contains("same working day", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("Mon 9 Mar 2026 at 17:00", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-09T10:00-04:00", "2026-03-09T10:00-04:00")] // in business hours: due at once
    [InlineData("2026-03-09T19:00-04:00", "2026-03-10T08:00-04:00")] // evening: due from the next opening
    [InlineData("2026-03-07T11:00-05:00", "2026-03-09T08:00-04:00")] // weekend
    public void The_first_attempt_is_due_from_the_first_business_hours_after_arrival(string received, string due)
    {
        var before = Cadence.Decide(Urgency.Routine, At(received), [], At(due).AddMinutes(-1));
        var at = Cadence.Decide(Urgency.Routine, At(received), [], At(due));
        Assert.Equal(CadenceStatus.AwaitingFirstAttempt, at.Status);
        Assert.Equal(At(due), at.NextAttemptDue);
        Assert.False(before.IsDue);
        Assert.True(at.IsDue);
        Assert.Equal(0, at.UnansweredAttempts);
    }

    [Fact]
    public void Targets_describe_themselves()
    {
        Assert.Equal("same working day", FirstContactTarget.SameBusinessDay().ToString());
        Assert.Equal("same working day (after 16:00: the next)", FirstContactTarget.SameBusinessDay(new TimeOnly(16, 0)).ToString());
        Assert.Equal("within 8 working hours", FirstContactTarget.WithinBusinessTime(TimeSpan.FromHours(8)).ToString());
        Assert.Equal("within 1 working hour", FirstContactTarget.WithinBusinessTime(TimeSpan.FromHours(1)).ToString());
        Assert.Equal("within 1 h 30 min of working time", FirstContactTarget.WithinBusinessTime(TimeSpan.FromMinutes(90)).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => FirstContactTarget.WithinBusinessTime(TimeSpan.Zero));
    }
}
