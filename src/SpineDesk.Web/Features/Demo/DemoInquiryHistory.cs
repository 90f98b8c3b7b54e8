using Bogus;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Intake;

namespace SpineDesk.Web.Features.Demo;

/// <summary>
/// Plays out what the demo clinic has done with one inquiry since it arrived, event by event, and stops at the
/// first event that would lie in the future, so recent inquiries are still waiting and older ones are further
/// along. Every stage move goes through <see cref="PipelineStateMachine.Move"/>, so no history can be written
/// that the app itself would refuse; two stage moves never share a time, so the timeline reads in order.
/// </summary>
internal sealed class DemoInquiryHistory(Inquiry inquiry, DateTime now, DemoTeam team, Randomizer random)
{
    private const int UnansweredBeforeClosing = 4;

    private DateTime _clock = inquiry.ReceivedAt;
    private string _coordinator = "";
    private string _clinician = "";

    private bool Spanish => inquiry.Language == "es";

    public void Play(bool duplicate)
    {
        _coordinator = Spanish && team.SpanishSpeakingCoordinators.Count > 0 && random.Bool(0.8f)
            ? Pick(team.SpanishSpeakingCoordinators)
            : Pick(team.Coordinators);
        _clinician = Pick(team.Clinicians);
        if (duplicate)
        {
            if (Wait(Minutes(10, 180)))
            {
                inquiry.OwnerId = _coordinator;
                Move(PipelineStage.Closed, ClosureReason.Duplicate);
            }

            return;
        }

        if (!Wait(FirstResponseDelay()))
        {
            return;
        }

        inquiry.OwnerId = _coordinator;
        if (!Wait(Minutes(2, 25)) || !Reach(rebooking: false) || !Consultation(rebooked: false))
        {
            return;
        }

        if (!Wait(Hours(2, 72)))
        {
            return;
        }

        if (!random.Bool(0.6f))
        {
            Move(PipelineStage.NotCandidate, staff: _clinician);
            return;
        }

        Move(PipelineStage.Candidate, staff: _clinician);
        if (!Wait(Days(2, 7)))
        {
            return;
        }

        if (random.Bool(0.2f))
        {
            Move(PipelineStage.Closed, ClosureReason.Declined);
            return;
        }

        Move(PipelineStage.Consented, staff: _clinician);
        if (Wait(Hours(1, 48)))
        {
            Move(PipelineStage.ProcedureScheduled);
            if (Wait(Days(5, 14)))
            {
                Move(PipelineStage.Treated, staff: _clinician);
                if (Wait(Hours(2, 24)))
                {
                    // Follow-up runs for up to two years, so nobody in a three-week demo has completed it.
                    Move(PipelineStage.InFollowUp);
                }
            }
        }
    }

    /// <summary>Calls (and texts or emails) until the person is reached. True when a consultation was booked.</summary>
    private bool Reach(bool rebooking)
    {
        var channel = inquiry.PreferredContactMethod switch
        {
            ContactMethod.Email => ContactChannel.Email,
            ContactMethod.TextMessage => ContactChannel.TextMessage,
            _ => ContactChannel.Phone,
        };
        var emailOnly = false;
        var unanswered = 0;
        var callBacks = 0;
        while (true)
        {
            if (inquiry.Stage == PipelineStage.New)
            {
                Move(PipelineStage.Contacting);
            }

            var reached = random.Bool(channel != ContactChannel.Phone ? 0.3f : inquiry.Urgency == Urgency.Emergency ? 0.85f : 0.5f);
            if (!reached)
            {
                unanswered++;
                var outcome = channel != ContactChannel.Phone
                    ? ContactOutcome.MessageSent
                    : random.WeightedRandom([ContactOutcome.NoAnswer, ContactOutcome.LeftVoicemail, ContactOutcome.WrongNumber], [0.5f, 0.45f, 0.05f]);
                var note = outcome switch
                {
                    ContactOutcome.MessageSent => DemoTexts.MessageSent(channel == ContactChannel.Email),
                    ContactOutcome.WrongNumber => DemoTexts.WrongNumber,
                    ContactOutcome.LeftVoicemail => DemoTexts.Voicemail(random),
                    _ => DemoTexts.NoAnswer(random),
                };
                var closing = unanswered >= UnansweredBeforeClosing || outcome == ContactOutcome.WrongNumber && inquiry.Email is null;
                if (closing)
                {
                    Attempt(channel, outcome, note, next: null);
                    if (Wait(outcome == ContactOutcome.WrongNumber ? Minutes(5, 60) : Hours(20, 48)))
                    {
                        Move(PipelineStage.Closed, ClosureReason.Unreachable);
                    }

                    return false;
                }

                emailOnly |= outcome == ContactOutcome.WrongNumber;
                if (!WaitForNextAttempt(channel, outcome, note))
                {
                    return false;
                }

                channel = emailOnly ? ContactChannel.Email : ContactChannel.Phone;
                continue;
            }

            inquiry.NextAttemptAt = null;
            if (inquiry.Urgency == Urgency.Emergency && random.Bool(0.8f))
            {
                return Attempt(channel, ContactOutcome.Reached, DemoTexts.EmergencyAdvice) && Close(ClosureReason.EmergencyReferral);
            }

            var roll = random.Double();
            if (!rebooking && roll < 0.08)
            {
                return Attempt(channel, ContactOutcome.Reached, DemoTexts.Declined(random)) && Close(ClosureReason.Declined);
            }

            if (!rebooking && roll < 0.14)
            {
                return Attempt(channel, ContactOutcome.Reached, DemoTexts.Referred(random)) && Close(ClosureReason.ReferredElsewhere);
            }

            if (roll < 0.24 && callBacks++ == 0)
            {
                if (!WaitForNextAttempt(channel, ContactOutcome.AskedToCallBack, DemoTexts.CallBackLater, Hours(20, 48)))
                {
                    return false;
                }

                channel = ContactChannel.Phone;
                continue;
            }

            if (!Attempt(channel, ContactOutcome.Reached, rebooking ? DemoTexts.Rebooked : DemoTexts.ConsultationBooked(random)))
            {
                return false;
            }

            Move(PipelineStage.ConsultationScheduled);
            return true;
        }
    }

    /// <summary>The consultation takes place (true, evaluated) or is missed, and the person is called again to rebook.</summary>
    private bool Consultation(bool rebooked)
    {
        if (!Wait(inquiry.Urgency == Urgency.Urgent ? Days(1, 3) : Days(2, 10)))
        {
            return false;
        }

        if (!rebooked && random.Bool(0.1f))
        {
            if (!Wait(Minutes(30, 180)))
            {
                return false;
            }

            Move(PipelineStage.Contacting);
            return Wait(Hours(2, 24)) && Reach(rebooking: true) && Consultation(rebooked: true);
        }

        if (!Wait(Minutes(45, 120)))
        {
            return false;
        }

        Move(PipelineStage.Evaluated, staff: _clinician);
        return true;
    }

    /// <summary>Logs an attempt that did not settle things and waits until the next one is made (sometimes late).</summary>
    private bool WaitForNextAttempt(ContactChannel channel, ContactOutcome outcome, string note, TimeSpan? delay = null)
    {
        var next = _clock + (delay ?? inquiry.Urgency switch
        {
            Urgency.Emergency => Minutes(10, 30),
            Urgency.Urgent => Hours(1, 4),
            _ => Hours(4, 30),
        });
        Attempt(channel, outcome, note, next);
        inquiry.NextAttemptAt = next;
        var late = random.Bool(0.15f) ? Hours(2, 30) : Minutes(0, 30);
        return Wait(next - _clock + late);
    }

    /// <summary>Records an attempt now; true when the time to write it up has passed too.</summary>
    private bool Attempt(ContactChannel channel, ContactOutcome outcome, string note, DateTime? next = null)
    {
        inquiry.ContactAttempts.Add(new ContactAttempt
        {
            At = _clock,
            StaffUserId = _coordinator,
            Channel = channel,
            Outcome = outcome,
            Note = Spanish && outcome is ContactOutcome.Reached or ContactOutcome.AskedToCallBack ? DemoTexts.InSpanish(note) : note,
            NextAttemptAt = next,
        });
        inquiry.FirstContactAttemptAt ??= _clock;
        return Wait(Minutes(1, 4));
    }

    private bool Close(ClosureReason reason)
    {
        Move(PipelineStage.Closed, reason);
        return false;
    }

    private void Move(PipelineStage to, ClosureReason? reason = null, string? staff = null)
    {
        var from = inquiry.Stage;
        inquiry.Stage = PipelineStateMachine.Move(from, to, reason);
        inquiry.ClosureReason = reason;
        if (to != PipelineStage.Contacting)
        {
            inquiry.NextAttemptAt = null;
        }

        inquiry.StageChanges.Add(new StageChange { At = _clock, From = from, To = to, Reason = reason, StaffUserId = staff ?? _coordinator });
    }

    private TimeSpan FirstResponseDelay() => inquiry.Urgency switch
    {
        Urgency.Emergency => Minutes(5, 25),
        Urgency.Urgent => Minutes(20, 240),
        // Now and then a routine inquiry waits past the first-contact target, as in any busy week.
        _ => random.Bool(0.12f) ? Hours(26, 60) : Hours(1, 20),
    };

    /// <summary>Moves the clock on; false (clock unchanged) when that moment has not come yet.</summary>
    private bool Wait(TimeSpan delay)
    {
        var at = _clock + delay;
        if (at > now)
        {
            return false;
        }

        _clock = at;
        return true;
    }

    private string Pick(IReadOnlyList<string> ids) => ids[random.Number(0, ids.Count - 1)];

    private TimeSpan Minutes(int min, int max) => TimeSpan.FromSeconds(random.Number(min * 60, max * 60));

    private TimeSpan Hours(int min, int max) => TimeSpan.FromMinutes(random.Number(min * 60, max * 60));

    private TimeSpan Days(int min, int max) => TimeSpan.FromMinutes(random.Number(min * 1440, max * 1440));
}
