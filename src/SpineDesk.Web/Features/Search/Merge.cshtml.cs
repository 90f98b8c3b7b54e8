using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Search;

/// <summary>One side of the comparison.</summary>
public sealed record MergeSide(
    int Id,
    string ReferenceNumber,
    string Name,
    string Phone,
    string? Email,
    DateTime ReceivedAt,
    Urgency Urgency,
    PipelineStage Stage,
    ClosureReason? ClosureReason,
    string? Owner,
    string? Message,
    int? MergedIntoId,
    int Version,
    int Attempts,
    int StageChanges,
    int Responses,
    int Emails);

/// <summary>
/// Two inquiries side by side, and the merge of one into the other. The older is kept by default; the
/// coordinator may choose. The form carries both versions: a change to either since the page was shown
/// stops the merge with 409 and the fresh comparison.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class MergeModel(SpineDeskDbContext db, InquiryMerge merge, AuditLog audit, ClinicClock clock, PhoneNumberReader phones) : PageModel
{
    public const string ConflictMessage =
        "One of these inquiries changed while you were comparing them. Here they are as they are now; check and merge again.";

    public IReadOnlyList<MergeSide> Sides { get; private set; } = [];

    /// <summary>The one kept unless the coordinator chooses otherwise: the older.</summary>
    public int DefaultSurvivorId { get; private set; }

    public string? Error { get; private set; }

    public bool Conflicted { get; private set; }

    public ClinicClock Clock => clock;

    public string PhoneDisplay(string e164) => phones.Display(e164);

    public async Task<IActionResult> OnGetAsync(int first, int second, CancellationToken cancellationToken) =>
        await ShowAsync(first, second, StatusCodes.Status200OK, cancellationToken);

    public async Task<IActionResult> OnPostAsync(
        int first, int second, int? survivor, int? firstVersion, int? secondVersion, CancellationToken cancellationToken)
    {
        if (survivor is not { } kept || (kept != first && kept != second) || firstVersion is null || secondVersion is null)
        {
            Error = "Choose which inquiry to keep.";
            return await ShowAsync(first, second, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var mergedId = kept == first ? second : first;
        var outcome = await merge.MergeAsync(
            kept,
            kept == first ? firstVersion.Value : secondVersion.Value,
            mergedId,
            kept == first ? secondVersion.Value : firstVersion.Value,
            User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            cancellationToken);
        switch (outcome.Result)
        {
            case MergeResult.Merged:
                TempData["StatusMessage"] = outcome.Message;
                return Redirect($"/staff/inquiries/{kept.ToString(CultureInfo.InvariantCulture)}");
            case MergeResult.NotFound:
                return NotFound();
            case MergeResult.Conflict:
                Conflicted = true;
                return await ShowAsync(first, second, StatusCodes.Status409Conflict, cancellationToken);
            default:
                Error = outcome.Message;
                return await ShowAsync(first, second, StatusCodes.Status400BadRequest, cancellationToken);
        }
    }

    private async Task<IActionResult> ShowAsync(int first, int second, int status, CancellationToken cancellationToken)
    {
        var sides = await db.Inquiries.AsNoTracking()
            .Where(i => i.Id == first || i.Id == second)
            .Select(i => new MergeSide(
                i.Id,
                i.ReferenceNumber,
                i.Name,
                i.Phone,
                i.Email,
                i.ReceivedAt,
                i.Urgency,
                i.Stage,
                i.ClosureReason,
                i.Owner == null ? null : i.Owner.DisplayName,
                i.Message,
                i.MergedIntoId,
                i.Version,
                db.ContactAttempts.Count(a => a.InquiryId == i.Id),
                db.StageChanges.Count(c => c.InquiryId == i.Id),
                db.QuestionnaireResponses.Count(r => r.InquiryId == i.Id),
                db.OutboxMessages.Count(m => m.InquiryId == i.Id)))
            .ToListAsync(cancellationToken);
        if (sides.Count != (first == second ? 1 : 2))
        {
            return NotFound();
        }

        // Shown in the order of the address, so the form's first and second match the columns.
        Sides = [.. sides.OrderBy(s => s.Id == first ? 0 : 1)];
        DefaultSurvivorId = sides.OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id).First().Id;
        if (first == second && Error is null)
        {
            Error = "An inquiry cannot be merged into itself. Choose two different inquiries.";
        }

        foreach (var side in sides)
        {
            audit.Add(AuditActions.View(InquiryModel.EntityType), InquiryModel.EntityType, side.Id.ToString(CultureInfo.InvariantCulture), "Compared for a merge");
        }

        await db.SaveChangesAsync(cancellationToken);
        Response.StatusCode = status;
        return Page();
    }
}
