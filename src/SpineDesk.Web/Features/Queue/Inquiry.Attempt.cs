using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical.Cadence;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Intake;

namespace SpineDesk.Web.Features.Queue;

/// <summary>What the contact attempt form posts; strings, so that every problem gets a message of ours.</summary>
public sealed class AttemptInput
{
    public string? Channel { get; set; }

    public string? Outcome { get; set; }

    public string? Note { get; set; }

    /// <summary>Clinic time from a <c>datetime-local</c> input; empty for none.</summary>
    public string? NextAttempt { get; set; }
}

/// <summary>Logging a try to reach the person. The first try on a new inquiry moves it to Contacting.</summary>
public sealed partial class InquiryModel
{
    public const int NoteMaxLength = 2000;

    [BindProperty]
    public AttemptInput Attempt { get; set; } = new();

    public Task<IActionResult> OnPostAttemptAsync(int id, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, inquiry => LogAttemptAsync(inquiry, cancellationToken), cancellationToken);

    private async Task<string?> LogAttemptAsync(Inquiry inquiry, CancellationToken cancellationToken)
    {
        if (!InquiryWords.TryParseName<ContactChannel>(Attempt.Channel, out var channel))
        {
            Errors["attempt-channel"] = "Choose how you tried to reach the person.";
        }

        if (!InquiryWords.TryParseName<ContactOutcome>(Attempt.Outcome, out var outcome))
        {
            Errors["attempt-outcome"] = "Choose what happened.";
        }

        var note = string.IsNullOrWhiteSpace(Attempt.Note) ? null : Attempt.Note.Trim();
        if (note is { Length: > NoteMaxLength })
        {
            Errors["attempt-note"] = $"Keep the note to {NoteMaxLength} characters; it has {note.Length}.";
        }

        var now = Clock.UtcNow;
        DateTime? next = null;
        if (!string.IsNullOrWhiteSpace(Attempt.NextAttempt))
        {
            if (!Clock.TryReadClinicTime(Attempt.NextAttempt, out var nextUtc, out var error))
            {
                Errors["attempt-next"] = error!;
            }
            else if (nextUtc <= now)
            {
                Errors["attempt-next"] = "The next attempt must be in the future. Choose a later time, or leave it empty.";
            }
            else
            {
                next = nextUtc;
            }
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        var attempt = new ContactAttempt
        {
            InquiryId = inquiry.Id,
            At = now,
            StaffUserId = CurrentUserId,
            Channel = channel,
            Outcome = outcome,
            Note = note,
            NextAttemptAt = next,
        };

        // A time typed by the coordinator is kept as it is (a call back when the person asked); otherwise the
        // clinic's cadence plans the next attempt in working hours, or says there is none to plan.
        var earlier = await _db.ContactAttempts.AsNoTracking().Where(a => a.InquiryId == inquiry.Id).ToListAsync(cancellationToken);
        var decision = _cadence.Decide(inquiry.Urgency, inquiry.ReceivedAt, [.. earlier, attempt], now);
        attempt.NextAttemptAt = next ??= decision.Status == CadenceStatus.WrongNumber ? now : decision.NextAttemptDue;
        _db.ContactAttempts.Add(attempt);
        var details = $"{InquiryWords.Describe(channel)}: {InquiryWords.Describe(outcome)}";
        var first = inquiry.Stage == PipelineStage.New;
        if (first)
        {
            inquiry.Stage = PipelineStateMachine.Move(PipelineStage.New, PipelineStage.Contacting);
            _db.StageChanges.Add(new StageChange
            {
                InquiryId = inquiry.Id,
                At = now,
                From = PipelineStage.New,
                To = PipelineStage.Contacting,
                StaffUserId = CurrentUserId,
            });
            details += "; New → Contacting";
        }

        inquiry.FirstContactAttemptAt ??= now;
        inquiry.NextAttemptAt = next;
        _audit.Add("inquiry.attempt", EntityType, Key(inquiry.Id), details);
        var logged = first ? "Contact attempt logged. The inquiry is now in Contacting." : "Contact attempt logged.";
        return string.IsNullOrWhiteSpace(Attempt.NextAttempt)
            ? $"{logged} {decision.Reason}"
            : $"{logged} Next attempt at the time you chose: {Clock.Format(next!.Value)}.";
    }
}
