using SpineDesk.Clinical.Cadence;
using static SpineDesk.Clinical.Tests.Calendar.Calendars;

namespace SpineDesk.Clinical.Tests.Cadence;

/// <summary>Call-back requests, wrong numbers and a waiting time before closing, on the New York clinic.</summary>
public class CallBackAndWrongNumberTests
{
    private static readonly DateTime Received = At("2026-03-09T09:00-04:00"); // Monday
    private static readonly ContactCadence Cadence = new(ContactCadencePolicy.Default, NewYork);

    private static LoggedAttempt Attempt(string at, AttemptOutcome outcome, string? callBackAt = null) =>
        new(At(at), outcome, callBackAt is null ? null : At(callBackAt));

    [Theory]
    [InlineData("2026-03-09T15:00-04:00", "2026-03-09T15:00-04:00")] // in business hours: that time
    [InlineData("2026-03-09T12:30-04:00", "2026-03-09T13:00-04:00")] // lunch break: when it ends
    [InlineData("2026-03-09T18:30-04:00", "2026-03-10T08:00-04:00")] // evening: the next opening
    [InlineData("2026-03-14T10:00-04:00", "2026-03-16T08:00-04:00")] // Saturday: Monday's opening
    [InlineData("2026-03-09T09:00-04:00", "2026-03-09T10:00-04:00")] // a time already past: the attempt's own time
    public void A_call_back_is_at_the_time_asked_for_moved_into_business_hours(string asked, string due)
    {
        var attempt = Attempt("2026-03-09T10:00-04:00", AttemptOutcome.AskedToCallBack, asked);
        var decision = Cadence.Decide(Urgency.Routine, Received, [attempt], At("2026-03-09T10:00-04:00"));
        Assert.Equal(CadenceStatus.CallBackRequested, decision.Status);
        Assert.Equal(At(due), decision.NextAttemptDue);
        Assert.Equal(0, decision.UnansweredAttempts);
        Assert.Equal(asked != due, decision.Reason.Contains("the time asked for", StringComparison.Ordinal));
    }

    [Fact]
    public void A_call_back_without_a_time_is_one_business_day_later()
    {
        var attempt = Attempt("2026-03-13T16:00-04:00", AttemptOutcome.AskedToCallBack);
        var decision = Cadence.Decide(Urgency.Routine, Received, [attempt], At("2026-03-13T16:00-04:00"));
        Assert.Equal(At("2026-03-16T16:00-04:00"), decision.NextAttemptDue);
        Assert.Contains("without a time", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_back_request_is_not_unanswered_and_starts_the_count_again()
    {
        var decision = Cadence.Decide(Urgency.Routine, Received,
        [
            Attempt("2026-03-09T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-10T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-13T10:00-04:00", AttemptOutcome.AskedToCallBack, "2026-03-13T15:00-04:00"),
            Attempt("2026-03-13T15:00-04:00", AttemptOutcome.NoAnswer),
        ], At("2026-03-13T15:01-04:00"));
        Assert.Equal(CadenceStatus.AwaitingRetry, decision.Status);
        Assert.Equal(1, decision.UnansweredAttempts);
        Assert.Equal(At("2026-03-16T15:00-04:00"), decision.NextAttemptDue);
    }

    [Fact]
    public void A_call_back_is_due_at_its_time()
    {
        LoggedAttempt[] attempts = [Attempt("2026-03-09T10:00-04:00", AttemptOutcome.AskedToCallBack, "2026-03-09T15:00-04:00")];
        Assert.False(Cadence.Decide(Urgency.Routine, Received, attempts, At("2026-03-09T14:59-04:00")).IsDue);
        Assert.True(Cadence.Decide(Urgency.Routine, Received, attempts, At("2026-03-09T15:00-04:00")).IsDue);
    }

    [Fact]
    public void A_wrong_number_stops_calling_and_asks_a_coordinator_to_find_another_way()
    {
        var decision = Cadence.Decide(Urgency.Routine, Received,
        [
            Attempt("2026-03-09T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-10T10:00-04:00", AttemptOutcome.WrongNumber),
        ], At("2026-03-10T10:01-04:00"));
        Assert.Equal(CadenceStatus.WrongNumber, decision.Status);
        Assert.Null(decision.NextAttemptDue);
        Assert.True(decision.IsDue);
        Assert.False(decision.ShouldCloseAsUnreachable);
        Assert.Equal(0, decision.UnansweredAttempts);
        Assert.Contains("another way to reach the person", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_corrected_number_the_cadence_starts_again()
    {
        var decision = Cadence.Decide(Urgency.Routine, Received,
        [
            Attempt("2026-03-09T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-10T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-10T11:00-04:00", AttemptOutcome.WrongNumber),
            Attempt("2026-03-11T10:00-04:00", AttemptOutcome.NoAnswer),
        ], At("2026-03-11T10:01-04:00"));
        Assert.Equal(CadenceStatus.AwaitingRetry, decision.Status);
        Assert.Equal(1, decision.UnansweredAttempts);
        Assert.Equal(At("2026-03-12T10:00-04:00"), decision.NextAttemptDue);
    }

    [Fact]
    public void A_clinic_can_close_on_a_wrong_number_at_once()
    {
        var cadence = new ContactCadence(ContactCadencePolicy.Default with { CloseOnWrongNumber = true }, NewYork);
        var decision = cadence.Decide(Urgency.Routine, Received,
            [Attempt("2026-03-09T10:00-04:00", AttemptOutcome.WrongNumber)], At("2026-03-09T10:00-04:00"));
        Assert.Equal(CadenceStatus.Unreachable, decision.Status);
        Assert.True(decision.ShouldCloseAsUnreachable);
        Assert.Contains("clinic's policy", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clinic_can_wait_business_days_before_closing_in_case_the_person_calls_back()
    {
        var cadence = new ContactCadence(ContactCadencePolicy.Default with { BusinessDaysBeforeClosing = 1 }, NewYork);
        LoggedAttempt[] attempts =
        [
            Attempt("2026-03-09T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-10T10:00-04:00", AttemptOutcome.NoAnswer),
            Attempt("2026-03-13T10:00-04:00", AttemptOutcome.NoAnswer),
        ];
        var friday = cadence.Decide(Urgency.Routine, Received, attempts, At("2026-03-13T16:00-04:00"));
        var monday = cadence.Decide(Urgency.Routine, Received, attempts, At("2026-03-16T10:00-04:00"));
        Assert.Equal(CadenceStatus.Unreachable, friday.Status);
        Assert.Equal(At("2026-03-16T10:00-04:00"), friday.CloseAsUnreachableAt);
        Assert.False(friday.ShouldCloseAsUnreachable);
        Assert.Contains("on Mon 16 Mar 2026 at 10:00 if they have not called back", friday.Reason, StringComparison.Ordinal);
        Assert.True(monday.ShouldCloseAsUnreachable);
    }
}
