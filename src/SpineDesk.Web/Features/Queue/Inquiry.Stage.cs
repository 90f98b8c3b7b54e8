using Microsoft.AspNetCore.Mvc;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Intake;

namespace SpineDesk.Web.Features.Queue;

/// <summary>What the stage form posts.</summary>
public sealed class StageInput
{
    public string? To { get; set; }

    /// <summary>Only when closing; the select is always there because the page works without JavaScript.</summary>
    public string? Reason { get; set; }
}

/// <summary>Moving the inquiry along the pipeline; the clinical state machine decides what is allowed.</summary>
public sealed partial class InquiryModel
{
    [BindProperty]
    public StageInput Move { get; set; } = new();

    public Task<IActionResult> OnPostStageAsync(int id, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, inquiry => Task.FromResult(MoveStage(inquiry)), cancellationToken);

    private string? MoveStage(Inquiry inquiry)
    {
        if (!InquiryWords.TryParseName<PipelineStage>(Move.To, out var to))
        {
            Errors["stage-to"] = "Choose the stage to move to.";
            return null;
        }

        ClosureReason? reason = null;
        if (!string.IsNullOrWhiteSpace(Move.Reason))
        {
            if (!InquiryWords.TryParseName<ClosureReason>(Move.Reason, out var chosen))
            {
                Errors["stage-reason"] = "Choose a reason for closing from the list.";
                return null;
            }

            reason = chosen;
        }

        var from = inquiry.Stage;
        try
        {
            inquiry.Stage = PipelineStateMachine.Move(from, to, reason);
        }
        catch (IllegalTransitionException e)
        {
            // The state machine's message says what is allowed; put it by the field it concerns.
            Errors[PipelineStateMachine.CanMove(from, to) ? "stage-reason" : "stage-to"] = e.Message;
            return null;
        }

        inquiry.ClosureReason = reason;
        _db.StageChanges.Add(new StageChange
        {
            InquiryId = inquiry.Id,
            At = Clock.UtcNow,
            From = from,
            To = to,
            Reason = reason,
            StaffUserId = CurrentUserId,
        });
        var move = $"{PipelineStateMachine.Describe(from)} → {PipelineStateMachine.Describe(to)}";
        if (reason is { } r)
        {
            move += $" ({PipelineStateMachine.Describe(r)})";
        }

        _audit.Add("inquiry.stage", EntityType, Key(inquiry.Id), move);
        return $"Moved: {move}.";
    }
}
