using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SpineDesk.Clinical;
using SpineDesk.Web.Features.Clinic;
using SpineDesk.Web.Features.Public;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>
/// The advice shown the moment the safety questions find a possible emergency, before anything else, as on
/// /emergency; the person may still leave contact details so that a coordinator calls to check on them.
/// </summary>
[AllowAnonymous]
public sealed class EmergencyModel(SelfAssessmentSession session, EducationContent content, IOptions<ClinicOptions> clinic) : PageModel
{
    public string? Advice { get; private set; }

    public string EmergencyNumber => clinic.Value.EmergencyNumber;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var assessment = await session.FindAsync(HttpContext, cancellationToken);
        if (assessment is null)
        {
            return Redirect("/self-assessment?resume=none");
        }

        if (assessment.Urgency != Urgency.Emergency)
        {
            return Redirect("/self-assessment/" + SelfAssessmentFlow.Safety);
        }

        Advice = content.Find("emergency")?.Html.Replace("{{EmergencyNumber}}", System.Net.WebUtility.HtmlEncode(EmergencyNumber), StringComparison.Ordinal);
        return Page();
    }
}
