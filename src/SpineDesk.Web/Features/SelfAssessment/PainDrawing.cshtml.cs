using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SpineDesk.Clinical.PainDrawing;
using SpineDesk.Data;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>
/// The pain drawing: a checkbox per region, with the body diagram above that ticks them when tapped. Stored as
/// the regions' codes on the self-assessment (an empty list when none is ticked).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SelfAssessmentSetup.AnswersPolicy)]
public sealed class PainDrawingModel(SpineDeskDbContext db, SelfAssessmentSession session, SelfAssessmentPacks packs, TimeProvider time)
    : SelfAssessmentPageModel(db, session, packs, time)
{
    public const string FieldName = "regions";

    public IReadOnlySet<PainRegion> Marked { get; private set; } = new HashSet<PainRegion>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(SelfAssessmentFlow.PainDrawing, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        Marked = Read(Assessment!.PainRegions).Regions.ToHashSet();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(List<string> regions, string? move, CancellationToken cancellationToken)
    {
        if (await LoadAsync(SelfAssessmentFlow.PainDrawing, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var marked = new HashSet<PainRegion>();
        foreach (var code in regions)
        {
            if (PainRegions.TryParse(code, out var region))
            {
                marked.Add(region);
            }
            else
            {
                Errors[PainFigure.InputId(PainFigure.Groups[0].Regions[0])] = "One of the places you marked was not recognised. Please tick the places again.";
            }
        }

        Marked = marked;
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Assessment!.PainRegions = string.Join(',', new PainMap(marked).Codes);
        return await GoToAsync(move == "back" ? Flow.Previous(Step)! : Flow.Next(Step)!, cancellationToken);
    }

    /// <summary>The stored drawing; empty when not yet answered.</summary>
    public static PainMap Read(string? stored) =>
        string.IsNullOrEmpty(stored) ? PainMap.Empty : PainMap.FromCodes(stored.Split(','));
}
