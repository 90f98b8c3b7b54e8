using Microsoft.Extensions.Options;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Cadence;
using SpineDesk.Clinical.Calendar;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.Cadence;

/// <summary>The clinic's contact cadence on its business calendar, built once from the validated configuration.</summary>
public sealed class ClinicCadence
{
    /// <summary>The staff user id recorded for what SpineDesk does by itself (stage changes, audit rows).</summary>
    public const string SystemActor = "system";

    public ClinicCadence(IOptions<ClinicOptions> clinic, IOptions<CadenceOptions> cadence)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(cadence);
        var errors = new List<string>();
        var calendar = CadenceSettings.ReadCalendar(clinic.Value, errors);
        var policy = CadenceSettings.ReadPolicy(cadence.Value, errors);
        if (calendar is null || policy is null)
        {
            throw new OptionsValidationException(CadenceOptions.Section, typeof(CadenceOptions), errors);
        }

        Cadence = new ContactCadence(policy, calendar);
    }

    public ContactCadence Cadence { get; }

    public BusinessCalendar Calendar => Cadence.Calendar;

    public ContactCadencePolicy Policy => Cadence.Policy;

    /// <summary>By when the first attempt should be made, in working time.</summary>
    public DateTime FirstContactDeadline(Urgency urgency, DateTime receivedAt) => Cadence.FirstContactDeadline(urgency, receivedAt);

    /// <summary>
    /// The latest receipt time whose first-contact deadline has passed by <paramref name="now"/>: an inquiry of
    /// this urgency received at or before it is over target. The deadline only moves later as the receipt time
    /// does, so the cut-off is found by bisection (to the second) and a query can compare <c>ReceivedAt</c> with
    /// it in SQL instead of computing working time per row.
    /// </summary>
    public DateTime OverdueReceiptCutoff(Urgency urgency, DateTime now) =>
        LatestWhere(r => FirstContactDeadline(urgency, r) <= now, now);

    /// <summary>
    /// The latest receipt time for which a first attempt is due by <paramref name="now"/>: the clinic has been open
    /// at some moment since it arrived (<see cref="BusinessCalendar.NextOpen"/> is not after now). During business
    /// hours that is now itself; out of hours, the moment the clinic last closed. Found the same way as
    /// <see cref="OverdueReceiptCutoff"/>, so a query can decide "due now" for never-attempted inquiries in SQL.
    /// </summary>
    public DateTime FirstAttemptDueCutoff(DateTime now) =>
        Calendar.IsOpen(now) ? now : LatestWhere(r => Calendar.NextOpen(r) <= now, now);

    /// <summary>
    /// The latest instant, to the second, in the 60 days up to <paramref name="now"/> for which
    /// <paramref name="holds"/> is true, given that it holds up to some instant and not after (it only changes once).
    /// </summary>
    private static DateTime LatestWhere(Func<DateTime, bool> holds, DateTime now)
    {
        var low = now.AddDays(-60);
        var high = now;
        if (!holds(low))
        {
            return low;
        }

        while (high - low > TimeSpan.FromSeconds(1))
        {
            var middle = low + ((high - low) / 2);
            if (holds(middle))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>What the cadence says for an inquiry, from its stored attempts (and one about to be stored).</summary>
    public CadenceDecision Decide(Urgency urgency, DateTime receivedAt, IEnumerable<ContactAttempt> attempts, DateTime now) =>
        Cadence.Decide(urgency, receivedAt, attempts.Select(ToLogged), now);

    /// <summary>
    /// The cadence reads a stored attempt. For a call-back request the time stored as the next attempt is the time
    /// asked for (typed by the coordinator, or the one computed when they gave none, which the cadence reproduces).
    /// </summary>
    public static LoggedAttempt ToLogged(ContactAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var outcome = attempt.Outcome switch
        {
            ContactOutcome.Reached => AttemptOutcome.Reached,
            ContactOutcome.NoAnswer => AttemptOutcome.NoAnswer,
            ContactOutcome.LeftVoicemail => AttemptOutcome.LeftVoicemail,
            ContactOutcome.MessageSent => AttemptOutcome.MessageSent,
            ContactOutcome.WrongNumber => AttemptOutcome.WrongNumber,
            ContactOutcome.AskedToCallBack => AttemptOutcome.AskedToCallBack,
            _ => throw new ArgumentOutOfRangeException(nameof(attempt), attempt.Outcome, "Unknown contact outcome."),
        };
        return new LoggedAttempt(attempt.At, outcome, outcome == AttemptOutcome.AskedToCallBack ? attempt.NextAttemptAt : null);
    }
}
