using CsCheck;
using SpineDesk.Clinical.Cadence;
using SpineDesk.Clinical.Calendar;
using SpineDesk.Clinical.Tests.Calendar;

namespace SpineDesk.Clinical.Tests.Cadence;

/// <summary>Invariants of the cadence for any history of attempts, on every test calendar and policy variant.</summary>
public class ContactCadencePropertyTests
{
    private static readonly ContactCadencePolicy[] Policies =
    [
        ContactCadencePolicy.Default,
        ContactCadencePolicy.Default with { CountOneUnansweredAttemptPerDay = false, BusinessDaysBeforeClosing = 2 },
        ContactCadencePolicy.Default with { MaxUnansweredAttempts = 5, RetryAfterBusinessDays = [2, 1, 4], CloseOnWrongNumber = true },
    ];

    private sealed record Case(BusinessCalendar Calendar, ContactCadencePolicy Policy, Urgency Urgency, DateTime Received,
        LoggedAttempt[] Attempts, DateTime Now);

    /// <summary>Attempts from the arrival on, minutes to days apart, in any order, with any outcome.</summary>
    private static readonly Gen<Case> Cases =
        from calendar in BusinessCalendarPropertyTests.AnyCalendar
        from policy in Gen.Int[0, Policies.Length - 1].Select(i => Policies[i])
        from urgency in Gen.Enum<Urgency>()
        from received in BusinessCalendarPropertyTests.Instant
        from attempts in Gen.Select(Gen.Int[0, 14 * 24 * 60], Gen.Enum<AttemptOutcome>(), Gen.Int[-600, 5 * 24 * 60].Nullable())
            .Select((offset, outcome, callBack) => new LoggedAttempt(received.AddMinutes(offset), outcome,
                callBack is { } c ? received.AddMinutes(offset + c) : null))
            .Array[0, 7]
        from later in Gen.Int[0, 20 * 24 * 60]
        select new Case(calendar, policy, urgency, received, attempts, received.AddMinutes(later));

    [Fact]
    public void The_next_attempt_is_never_before_the_last_one_and_always_in_business_hours()
    {
        Cases.Sample(c =>
        {
            var decision = new ContactCadence(c.Policy, c.Calendar).Decide(c.Urgency, c.Received, c.Attempts, c.Now);
            var last = c.Attempts.Length == 0 ? c.Received : c.Attempts.Max(a => a.At);
            return decision.NextAttemptDue is not { } due || (due >= last && c.Calendar.IsOpen(due));
        });
    }

    [Fact]
    public void The_decision_is_consistent_with_itself()
    {
        Cases.Sample(c =>
        {
            var decision = new ContactCadence(c.Policy, c.Calendar).Decide(c.Urgency, c.Received, c.Attempts, c.Now);
            var plansAnAttempt = decision.Status is CadenceStatus.AwaitingFirstAttempt or CadenceStatus.AwaitingRetry
                or CadenceStatus.CallBackRequested;
            return plansAnAttempt == decision.NextAttemptDue.HasValue
                && (decision.Status == CadenceStatus.Unreachable) == decision.CloseAsUnreachableAt.HasValue
                && (!plansAnAttempt || decision.IsDue == (c.Now >= decision.NextAttemptDue))
                && (decision.Status != CadenceStatus.Unreachable
                    || decision.UnansweredAttempts >= c.Policy.MaxUnansweredAttempts || c.Policy.CloseOnWrongNumber)
                && decision.UnansweredAttempts <= c.Attempts.Length
                && (decision.Status == CadenceStatus.AwaitingFirstAttempt) == (c.Attempts.Length == 0)
                && decision.FirstContactDeadline >= c.Received
                && !string.IsNullOrWhiteSpace(decision.Reason);
        });
    }

    [Fact]
    public void The_order_the_attempts_are_given_in_does_not_matter()
    {
        Cases.Sample(c =>
        {
            var cadence = new ContactCadence(c.Policy, c.Calendar);
            // Distinct times: two attempts at the same instant are read in the order given, by design.
            var attempts = c.Attempts.DistinctBy(a => a.At).ToArray();
            var forward = cadence.Decide(c.Urgency, c.Received, attempts, c.Now);
            var backward = cadence.Decide(c.Urgency, c.Received, attempts.Reverse(), c.Now);
            return forward == backward;
        });
    }
}
