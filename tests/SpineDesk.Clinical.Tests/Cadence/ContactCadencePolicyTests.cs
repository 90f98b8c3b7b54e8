using SpineDesk.Clinical.Cadence;
using static SpineDesk.Clinical.Tests.Calendar.Calendars;

namespace SpineDesk.Clinical.Tests.Cadence;

/// <summary>A policy that cannot be followed is refused; inputs the cadence would misread are refused.</summary>
public class ContactCadencePolicyTests
{
    public static TheoryData<string, ContactCadencePolicy> Unusable() => new()
    {
        { "at least one unanswered attempt", ContactCadencePolicy.Default with { MaxUnansweredAttempts = 0 } },
        { "business days to wait between attempts", ContactCadencePolicy.Default with { RetryAfterBusinessDays = [] } },
        { "at least 1 business day", ContactCadencePolicy.Default with { RetryAfterBusinessDays = [1, 0] } },
        { "cannot be negative", ContactCadencePolicy.Default with { BusinessDaysBeforeClosing = -1 } },
        { "every urgency", ContactCadencePolicy.Default with { RoutineTarget = null! } },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void An_unusable_policy_is_refused_with_a_clear_message(string message, ContactCadencePolicy policy)
    {
        var error = Assert.Throws<ArgumentException>(() => new ContactCadence(policy, NewYork));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_attempt_policy_needs_no_gaps()
    {
        var cadence = new ContactCadence(ContactCadencePolicy.Default with { MaxUnansweredAttempts = 1, RetryAfterBusinessDays = [] }, NewYork);
        var decision = cadence.Decide(Urgency.Routine, At("2026-03-09T09:00-04:00"),
            [new LoggedAttempt(At("2026-03-09T10:00-04:00"), AttemptOutcome.NoAnswer)], At("2026-03-09T10:00-04:00"));
        Assert.True(decision.ShouldCloseAsUnreachable);
    }

    [Fact]
    public void The_default_is_the_example_of_the_issue()
    {
        var policy = ContactCadencePolicy.Default;
        Assert.Equal(3, policy.MaxUnansweredAttempts);
        Assert.Equal([1, 3], policy.RetryAfterBusinessDays);
        Assert.Equal([1, 3, 3, 3], Enumerable.Range(1, 4).Select(policy.RetryGapAfter));
        Assert.True(policy.TargetFor(Urgency.Emergency).IsSameBusinessDay);
        Assert.True(policy.TargetFor(Urgency.Urgent).IsSameBusinessDay);
        Assert.Equal(TimeSpan.FromHours(8), policy.TargetFor(Urgency.Routine).BusinessTime);
        Assert.False(policy.CloseOnWrongNumber);
    }

    [Fact]
    public void Times_that_are_not_UTC_and_unknown_outcomes_are_refused()
    {
        var cadence = new ContactCadence(ContactCadencePolicy.Default, NewYork);
        var utc = At("2026-03-09T10:00-04:00");
        var local = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified);
        Assert.Throws<ArgumentException>(() => cadence.Decide(Urgency.Routine, local, [], utc));
        Assert.Throws<ArgumentException>(() => cadence.Decide(Urgency.Routine, utc, [], local));
        Assert.Throws<ArgumentException>(() => cadence.Decide(Urgency.Routine, utc, [new(local, AttemptOutcome.NoAnswer)], utc));
        Assert.Throws<ArgumentException>(() => cadence.Decide(Urgency.Routine, utc,
            [new(utc, AttemptOutcome.AskedToCallBack, local)], utc));
        Assert.Throws<ArgumentException>(() => cadence.Decide(Urgency.Routine, utc, [new(utc, (AttemptOutcome)42)], utc));
        Assert.Throws<ArgumentOutOfRangeException>(() => cadence.Decide((Urgency)42, utc, [], utc));
    }
}
