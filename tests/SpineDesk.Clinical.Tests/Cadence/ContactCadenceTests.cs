using SpineDesk.Clinical.Cadence;
using static SpineDesk.Clinical.Tests.Calendar.Calendars;

namespace SpineDesk.Clinical.Tests.Cadence;

/// <summary>
/// The default cadence on the New York clinic (Monday–Friday 08:00–12:00, 13:00–17:00): retries at +1 and +3
/// business days after an unanswered attempt, closing as unreachable after the third (DESIGN.md §4.5).
/// </summary>
public class ContactCadenceTests
{
    private static readonly DateTime Received = At("2026-03-09T09:00-04:00"); // Monday
    private static readonly ContactCadence Cadence = new(ContactCadencePolicy.Default, NewYork);

    private static CadenceDecision Decide(string now, params LoggedAttempt[] attempts) =>
        Cadence.Decide(Urgency.Routine, Received, attempts, At(now));

    private static LoggedAttempt Attempt(string at, AttemptOutcome outcome, string? callBackAt = null) =>
        new(At(at), outcome, callBackAt is null ? null : At(callBackAt));

    [Theory]
    [InlineData(AttemptOutcome.NoAnswer)]
    [InlineData(AttemptOutcome.LeftVoicemail)]
    [InlineData(AttemptOutcome.MessageSent)]
    public void An_unanswered_attempt_is_retried_one_business_day_later(AttemptOutcome outcome)
    {
        var decision = Decide("2026-03-09T10:00-04:00", Attempt("2026-03-09T10:00-04:00", outcome));
        Assert.Equal(CadenceStatus.AwaitingRetry, decision.Status);
        Assert.Equal(At("2026-03-10T10:00-04:00"), decision.NextAttemptDue);
        Assert.False(decision.IsDue);
        Assert.Equal(1, decision.UnansweredAttempts);
        Assert.Contains("1 of 3", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("try again on Tue 10 Mar 2026 at 10:00, 1 business day later", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_retry_is_due_from_its_time_on()
    {
        var attempt = Attempt("2026-03-09T10:00-04:00", AttemptOutcome.NoAnswer);
        Assert.False(Decide("2026-03-10T09:59-04:00", attempt).IsDue);
        Assert.True(Decide("2026-03-10T10:00-04:00", attempt).IsDue);
        Assert.True(Decide("2026-03-11T15:00-04:00", attempt).IsDue);
    }

    [Fact]
    public void The_second_unanswered_attempt_is_retried_three_business_days_later()
    {
        var decision = Decide("2026-03-10T10:05-04:00",
            Attempt("2026-03-09T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-10T10:05-04:00", AttemptOutcome.LeftVoicemail));
        Assert.Equal(At("2026-03-13T10:05-04:00"), decision.NextAttemptDue); // Tuesday + 3 = Friday
        Assert.Equal(2, decision.UnansweredAttempts);
        Assert.Contains("3 business days later", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_third_unanswered_attempt_closes_as_unreachable_with_a_final_email()
    {
        var decision = Decide("2026-03-13T10:10-04:00",
            Attempt("2026-03-09T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-10T10:05-04:00", AttemptOutcome.LeftVoicemail),
            Attempt("2026-03-13T10:05-04:00", AttemptOutcome.MessageSent));
        Assert.Equal(CadenceStatus.Unreachable, decision.Status);
        Assert.True(decision.ShouldCloseAsUnreachable);
        Assert.True(decision.IsDue);
        Assert.Null(decision.NextAttemptDue);
        Assert.Equal(At("2026-03-13T10:05-04:00"), decision.CloseAsUnreachableAt);
        Assert.Equal(3, decision.UnansweredAttempts);
        Assert.Contains("3 of 3", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("close as unreachable now and send the final email", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limit_is_the_clinics_and_the_last_gap_repeats()
    {
        var policy = ContactCadencePolicy.Default with { MaxUnansweredAttempts = 4, RetryAfterBusinessDays = [2] };
        var cadence = new ContactCadence(policy, NewYork);
        LoggedAttempt[] attempts =
        [
            Attempt("2026-03-09T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-11T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-13T10:00-04:00", AttemptOutcome.NoAnswer),
        ];
        var decision = cadence.Decide(Urgency.Routine, Received, attempts, At("2026-03-13T10:00-04:00"));
        Assert.Equal(CadenceStatus.AwaitingRetry, decision.Status);
        Assert.Equal(At("2026-03-17T10:00-04:00"), decision.NextAttemptDue); // Friday + 2 = Tuesday
        Assert.Contains("3 of 4", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Attempts_on_one_day_count_once_so_nobody_is_closed_on_their_first_day()
    {
        LoggedAttempt[] attempts =
        [
            Attempt("2026-03-09T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-09T10:02-04:00", AttemptOutcome.LeftVoicemail),
            Attempt("2026-03-09T10:03-04:00", AttemptOutcome.MessageSent),
        ];
        var decision = Decide("2026-03-09T10:05-04:00", attempts);
        Assert.Equal(CadenceStatus.AwaitingRetry, decision.Status);
        Assert.Equal(1, decision.UnansweredAttempts);
        Assert.Equal(At("2026-03-10T10:03-04:00"), decision.NextAttemptDue);
        Assert.Contains("counted once", decision.Reason, StringComparison.Ordinal);

        var everyAttemptCounts = new ContactCadence(ContactCadencePolicy.Default with { CountOneUnansweredAttemptPerDay = false }, NewYork);
        var strict = everyAttemptCounts.Decide(Urgency.Routine, Received, attempts, At("2026-03-09T10:05-04:00"));
        Assert.True(strict.ShouldCloseAsUnreachable);
    }

    [Theory]
    [InlineData("2026-03-09T19:30-04:00", "2026-03-10T08:00-04:00")] // Monday evening → Tuesday's opening
    [InlineData("2026-03-06T20:00-05:00", "2026-03-09T08:00-04:00")] // Friday evening → Monday's opening, over the change
    [InlineData("2026-03-14T11:00-04:00", "2026-03-16T11:00-04:00")] // Saturday → Monday, same time
    [InlineData("2026-07-02T12:30-04:00", "2026-07-06T13:00-04:00")] // lunch break before a holiday → Monday after lunch
    public void An_attempt_logged_outside_business_hours_is_retried_on_the_next_business_day(string at, string due)
    {
        var decision = Cadence.Decide(Urgency.Routine, At(at).AddHours(-1), [Attempt(at, AttemptOutcome.NoAnswer)], At(at));
        Assert.Equal(At(due), decision.NextAttemptDue);
        Assert.True(NewYork.IsOpen(decision.NextAttemptDue!.Value));
    }

    [Fact]
    public void Reached_ends_the_cadence()
    {
        var decision = Decide("2026-03-20T10:00-04:00",
            Attempt("2026-03-09T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-10T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-13T10:00-04:00", AttemptOutcome.Reached));
        Assert.Equal(CadenceStatus.Reached, decision.Status);
        Assert.Null(decision.NextAttemptDue);
        Assert.False(decision.IsDue);
        Assert.False(decision.ShouldCloseAsUnreachable);
        Assert.Equal(0, decision.UnansweredAttempts);
        Assert.StartsWith("Reached on Fri 13 Mar 2026 at 10:00", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void After_reaching_someone_a_new_unanswered_attempt_starts_a_new_round()
    {
        var decision = Decide("2026-03-16T10:00-04:00",
            Attempt("2026-03-09T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-10T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-11T10:00-04:00", AttemptOutcome.Reached),
            Attempt("2026-03-16T10:00-04:00", AttemptOutcome.NoAnswer));
        Assert.Equal(CadenceStatus.AwaitingRetry, decision.Status);
        Assert.Equal(1, decision.UnansweredAttempts);
    }
}
