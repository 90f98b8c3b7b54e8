using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpineDesk.Data;
using SpineDesk.Data.Questionnaires;
using Assessment = SpineDesk.Data.Questionnaires.SelfAssessment;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>
/// What every page of the self-assessment shares: finding this browser's self-assessment, the order of the
/// pages for the pack versions it uses, and moving to another page (remembered, so a return visit resumes there).
/// </summary>
public abstract class SelfAssessmentPageModel(SpineDeskDbContext db, SelfAssessmentSession session, SelfAssessmentPacks packs, TimeProvider time)
    : PageModel
{
    protected SpineDeskDbContext Db => db;

    protected SelfAssessmentSession Session => session;

    protected DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>This browser's self-assessment; set by <see cref="LoadAsync"/> (null only on the first page
    /// before the person has answered anything).</summary>
    protected Assessment? Assessment { get; private set; }

    public IReadOnlyList<QuestionnaireForm> Forms { get; private set; } = [];

    public SelfAssessmentFlow Flow { get; private set; } = null!;

    public FlowStep Step { get; private set; } = null!;

    public int StepNumber => Flow.NumberOf(Step);

    public int StepCount => Flow.Steps.Count;

    /// <summary>Problems with what was sent, by the id of the field they concern.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Loads the self-assessment and the page <paramref name="stepId"/>. Returns where to send the person
    /// instead: the start page when there is nothing to continue, the safety questions while they are unanswered,
    /// 404 for a page that does not exist.
    /// </summary>
    protected async Task<IActionResult?> LoadAsync(string stepId, CancellationToken cancellationToken, bool allowNew = false)
    {
        var found = await session.FindAsync(HttpContext, cancellationToken);
        if (found is null && !allowNew)
        {
            return Redirect("/self-assessment?resume=none");
        }

        Assessment = found;
        Forms = await packs.ForKeysAsync(SelfAssessmentFlow.PackKeys, found?.Responses.Select(r => r.PackId).ToList() ?? [], cancellationToken);
        Flow = new SelfAssessmentFlow(Forms);
        if (Flow.Find(stepId) is not { } step)
        {
            return NotFound();
        }

        Step = step;
        if (found is not null && found.RedFlags is null && stepId != SelfAssessmentFlow.Safety)
        {
            return Redirect(Flow.Steps[0].Path);
        }

        return null;
    }

    /// <summary>Starts a self-assessment for this browser when it has none (on the first page only).</summary>
    protected Assessment EnsureStarted() => Assessment ??= session.Start(HttpContext);

    /// <summary>Remembers <paramref name="stepId"/> as where the person is and sends them there. Saves.</summary>
    protected async Task<IActionResult> GoToAsync(string stepId, string path, CancellationToken cancellationToken)
    {
        var assessment = Assessment ?? throw new InvalidOperationException("No self-assessment to move on.");
        assessment.CurrentStep = stepId;
        assessment.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(path);
    }

    protected Task<IActionResult> GoToAsync(FlowStep step, CancellationToken cancellationToken) =>
        GoToAsync(step.Id, step.Path, cancellationToken);

    /// <summary>The response to a pack in this self-assessment, if the person has started it.</summary>
    protected QuestionnaireResponse? ResponseFor(QuestionnaireForm form) =>
        Assessment?.Responses.FirstOrDefault(r => r.PackId == form.PackId);

    /// <summary>The page title, with the step and "Error:" when the page shows problems.</summary>
    public string PageTitle => $"{(Errors.Count > 0 ? "Error: " : "")}{Step.Title} (step {StepNumber} of {StepCount})";
}
