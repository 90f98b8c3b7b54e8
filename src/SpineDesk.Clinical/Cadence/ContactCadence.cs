using System.Globalization;
using SpineDesk.Clinical.Calendar;

namespace SpineDesk.Clinical.Cadence;

/// <summary>
/// Applies a clinic's <see cref="ContactCadencePolicy"/> on its <see cref="BusinessCalendar"/>: from an inquiry's
/// urgency, arrival time and attempts so far, what to do next and when. Pure and thread-safe; one per clinic.
/// </summary>
/// <remarks>
/// The attempts are read in time order and each one moves the cadence on (every rule is the clinic's configured
/// policy unless a section of DESIGN.md is named):
/// <list type="bullet">
/// <item>No attempt yet: the first is due from the first business-hours moment after the inquiry arrived, and
/// should be made by the first-contact target for its urgency.</item>
/// <item>Reached: the cadence ends. A later unanswered attempt starts a new round with the count at zero.</item>
/// <item>No answer, voicemail, message sent: one more unanswered attempt (on the same local day as the last
/// counted one it counts once, if the policy says so). Below the limit, the next attempt is the policy's gap
/// in business days later (<see cref="BusinessCalendar.AddBusinessDays"/>); at the limit, close as unreachable
/// with a final email (DESIGN.md §4.5), after the policy's waiting days if any.</item>
/// <item>Asked to call back: the next attempt is at the time asked for, moved to the next business-hours moment
/// if it falls outside them (and never before the attempt); without a time, one business day later. The
/// person answered, so this is not an unanswered attempt and the count starts again.</item>
/// <item>Wrong number: no further call to that number; by default a coordinator must find another way to reach
/// the person (due at once), or, if the policy says so, close as unreachable at once. The unanswered attempts
/// before it went to the wrong number, so the count starts again when a corrected number is tried.</item>
/// </list>
/// </remarks>
public sealed class ContactCadence
{
    /// <summary>Creates the cadence for one clinic.</summary>
    /// <exception cref="ArgumentException">The policy cannot be followed (see <see cref="ContactCadencePolicy.Validate"/>).</exception>
    public ContactCadence(ContactCadencePolicy policy, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        policy.Validate();
        Policy = policy;
        Calendar = calendar;
    }

    /// <summary>The clinic's policy.</summary>
    public ContactCadencePolicy Policy { get; }

    /// <summary>The clinic's business calendar.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>By when the first attempt should be made, UTC, for an inquiry of <paramref name="urgency"/> received at <paramref name="receivedAt"/>.</summary>
    public DateTime FirstContactDeadline(Urgency urgency, DateTime receivedAt) =>
        Policy.TargetFor(urgency).DeadlineFor(receivedAt, Calendar);

    /// <summary>What to do next for an inquiry, at <paramref name="now"/>.</summary>
    /// <param name="urgency">The inquiry's urgency (DESIGN.md §4.2).</param>
    /// <param name="receivedAt">When the inquiry arrived, UTC.</param>
    /// <param name="attempts">Every attempt so far, in any order, UTC times.</param>
    /// <param name="now">The current time, UTC (from the app's <c>TimeProvider</c>).</param>
    /// <exception cref="ArgumentException">A time is not UTC, or an outcome is unknown.</exception>
    public CadenceDecision Decide(Urgency urgency, DateTime receivedAt, IEnumerable<LoggedAttempt> attempts, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        BusinessCalendar.RequireUtc(receivedAt, nameof(receivedAt));
        BusinessCalendar.RequireUtc(now, nameof(now));
        var ordered = attempts.OrderBy(a => a.At).ToList();
        foreach (var attempt in ordered)
        {
            BusinessCalendar.RequireUtc(attempt.At, nameof(attempts));
            if (attempt is { Outcome: AttemptOutcome.AskedToCallBack, CallBackAt: { } callBack })
            {
                BusinessCalendar.RequireUtc(callBack, nameof(attempts));
            }

            if (!Enum.IsDefined(attempt.Outcome))
            {
                throw new ArgumentException($"Unknown attempt outcome {attempt.Outcome}.", nameof(attempts));
            }
        }

        var target = Policy.TargetFor(urgency);
        var deadline = target.DeadlineFor(receivedAt, Calendar);
        var firstAt = ordered.Count > 0 ? ordered[0].At : (DateTime?)null;
        bool? met = firstAt is { } first ? first <= deadline : now > deadline ? false : null;

        var state = new State(CadenceStatus.AwaitingFirstAttempt, Calendar.NextOpen(receivedAt), null, 0,
            FirstAttemptReason(target, receivedAt, deadline, now));
        DateOnly? lastCountedDay = null;
        foreach (var attempt in ordered)
        {
            state = Next(state, attempt, ref lastCountedDay);
        }

        var isDue = state.Status switch
        {
            CadenceStatus.Reached => false,
            CadenceStatus.WrongNumber => true,
            CadenceStatus.Unreachable => now >= state.CloseAt,
            _ => now >= state.Due,
        };

        return new CadenceDecision
        {
            Status = state.Status,
            NextAttemptDue = state.Due,
            IsDue = isDue,
            CloseAsUnreachableAt = state.CloseAt,
            Reason = state.Reason,
            UnansweredAttempts = state.Unanswered,
            FirstContactDeadline = deadline,
            FirstAttemptAt = firstAt,
            FirstContactMet = met,
        };
    }

    private State Next(State state, LoggedAttempt attempt, ref DateOnly? lastCountedDay)
    {
        var when = Words(attempt.At);
        switch (attempt.Outcome)
        {
            case AttemptOutcome.Reached:
                lastCountedDay = null;
                return new State(CadenceStatus.Reached, null, null, 0, $"Reached on {when}: no further attempt is planned.");

            case AttemptOutcome.AskedToCallBack:
                lastCountedDay = null;
                return CallBack(attempt, when);

            case AttemptOutcome.WrongNumber:
                lastCountedDay = null;
                return Policy.CloseOnWrongNumber
                    ? new State(CadenceStatus.Unreachable, null, attempt.At, 0,
                        $"Wrong number on {when}: by the clinic's policy, close as unreachable now and send the final email.")
                    : new State(CadenceStatus.WrongNumber, null, null, 0,
                        $"Wrong number on {when}: look for another way to reach the person (their email, the form) or correct the number; if there is none, close as unreachable.");

            default:
                var day = Calendar.LocalDateOf(attempt.At);
                var sameDay = Policy.CountOneUnansweredAttemptPerDay && lastCountedDay == day;
                var unanswered = sameDay ? state.Unanswered : state.Unanswered + 1;
                lastCountedDay = day;
                var counted = sameDay
                    ? $"counted once with the earlier one that day, {unanswered} of {Policy.MaxUnansweredAttempts} without an answer"
                    : $"{unanswered} of {Policy.MaxUnansweredAttempts} without an answer";
                var what = $"{Describe(attempt.Outcome)} on {when} ({counted})";
                if (unanswered >= Policy.MaxUnansweredAttempts)
                {
                    return Unreachable(attempt, unanswered, what);
                }

                var gap = Policy.RetryGapAfter(unanswered);
                var due = Calendar.AddBusinessDays(attempt.At, gap);
                return new State(CadenceStatus.AwaitingRetry, due, null, unanswered,
                    $"{what}: try again on {Words(due)}, {BusinessDays(gap)} later.");
        }
    }

    private State CallBack(LoggedAttempt attempt, string when)
    {
        if (attempt.CallBackAt is not { } asked)
        {
            var later = Calendar.AddBusinessDays(attempt.At, 1);
            return new State(CadenceStatus.CallBackRequested, later, null, 0,
                $"Asked on {when} to be called back, without a time: call again on {Words(later)}, 1 business day later.");
        }

        var due = Calendar.NextOpen(asked > attempt.At ? asked : attempt.At);
        var moved = due == asked ? "" : $" (the first business hours after {Words(asked)}, the time asked for)";
        return new State(CadenceStatus.CallBackRequested, due, null, 0,
            $"Asked on {when} to be called back: call on {Words(due)}{moved}.");
    }

    private State Unreachable(LoggedAttempt attempt, int unanswered, string what)
    {
        var wait = Policy.BusinessDaysBeforeClosing;
        var closeAt = wait == 0 ? attempt.At : Calendar.AddBusinessDays(attempt.At, wait);
        var when = wait == 0 ? "now" : $"on {Words(closeAt)} if they have not called back";
        return new State(CadenceStatus.Unreachable, null, closeAt, unanswered,
            $"{what}: that is the clinic's limit, so close as unreachable {when} and send the final email.");
    }

    private string FirstAttemptReason(FirstContactTarget target, DateTime receivedAt, DateTime deadline, DateTime now)
    {
        var start = Calendar.NextOpen(receivedAt);
        var from = start == receivedAt ? $"due since it arrived on {Words(receivedAt)}" : $"due from {Words(start)}";
        var by = now > deadline
            ? $"overdue since {Words(deadline)} (target: {target})"
            : $"to be made by {Words(deadline)} (target: {target})";
        return $"New inquiry: first attempt {from}; {by}.";
    }

    private static string Describe(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.NoAnswer => "No answer",
        AttemptOutcome.LeftVoicemail => "Voicemail left",
        AttemptOutcome.MessageSent => "Message sent, no reply",
        _ => outcome.ToString(),
    };

    private static string BusinessDays(int days) => days == 1 ? "1 business day" : $"{days.ToString(CultureInfo.InvariantCulture)} business days";

    /// <summary>"Mon 9 Mar 2026 at 10:00", clinic time.</summary>
    private string Words(DateTime utc) =>
        Calendar.ToLocal(utc).ToString("ddd d MMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);

    private sealed record State(CadenceStatus Status, DateTime? Due, DateTime? CloseAt, int Unanswered, string Reason);
}
