using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.PainDrawing;
using SpineDesk.Data;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>A plain-language summary of the answers for the person, before they leave their contact details.</summary>
[AllowAnonymous]
public sealed class SummaryModel(SpineDeskDbContext db, SelfAssessmentSession session, SelfAssessmentPacks packs, TimeProvider time)
    : SelfAssessmentPageModel(db, session, packs, time)
{
    public ScoreSummary Scores { get; private set; } = ScoreSummary.Empty;

    public PainMap Drawing { get; private set; } = PainMap.Empty;

    public bool DrawingAnswered { get; private set; }

    public Urgency Urgency { get; private set; }

    public bool UsedPlaceholderWording { get; private set; }

    public FlowStep? Previous => Flow.Previous(Step);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(SelfAssessmentFlow.Summary, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var assessment = Assessment!;
        var responseIds = assessment.Responses.Select(r => r.Id).ToList();
        var scores = await Db.ScoreObservations.AsNoTracking()
            .Where(s => responseIds.Contains(s.ResponseId))
            .OrderBy(s => s.EffectiveAt).ThenBy(s => s.Id)
            .Select(s => new StoredScore(s.Code, s.Value, s.Interpretation, s.Incomplete))
            .ToListAsync(cancellationToken);
        Scores = ScoreSummary.From(scores);
        Drawing = PainDrawingModel.Read(assessment.PainRegions);
        DrawingAnswered = assessment.PainRegions is not null;
        Urgency = assessment.Urgency ?? Urgency.Routine;
        var answered = assessment.Responses.Select(r => r.PackId).ToHashSet();
        UsedPlaceholderWording = Forms.Any(f => answered.Contains(f.PackId) && f.HasPlaceholderWording);
        return Page();
    }
}
