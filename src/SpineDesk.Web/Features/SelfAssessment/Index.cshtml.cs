using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>The start of the self-assessment: what it is, and a way to continue one begun in this browser session.</summary>
[AllowAnonymous]
[EnableRateLimiting(SelfAssessmentSetup.AnswersPolicy)]
public sealed class IndexModel(SelfAssessmentSession session, IOptions<ClinicOptions> clinic) : PageModel
{
    /// <summary>Where the person left off, when there is a self-assessment to continue.</summary>
    public string? ContinuePath { get; private set; }

    /// <summary>True when the person came from a page of a self-assessment this browser no longer has.</summary>
    public bool NothingToResume { get; private set; }

    public string EmergencyNumber => clinic.Value.EmergencyNumber;

    public async Task OnGetAsync(string? resume, CancellationToken cancellationToken)
    {
        var assessment = await session.FindAsync(HttpContext, cancellationToken);
        if (assessment is not null)
        {
            ContinuePath = "/self-assessment/" + (assessment.CurrentStep ?? SelfAssessmentFlow.Safety);
        }
        else
        {
            NothingToResume = resume == "none";
        }
    }

    /// <summary>Starts again: the unsent answers of this browser are deleted, not kept.</summary>
    public async Task<IActionResult> OnPostStartAgainAsync(CancellationToken cancellationToken)
    {
        if (await session.FindAsync(HttpContext, cancellationToken) is { } assessment)
        {
            await session.DeleteUnsentAsync(assessment.Id, cancellationToken);
        }

        SelfAssessmentSession.End(HttpContext);
        return Redirect("/self-assessment/" + SelfAssessmentFlow.Safety);
    }
}
