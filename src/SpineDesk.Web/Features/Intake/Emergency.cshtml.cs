using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SpineDesk.Web.Features.Clinic;
using SpineDesk.Web.Features.Public;

namespace SpineDesk.Web.Features.Intake;

/// <summary>
/// The advice shown the moment the red-flag screen finds a possible emergency. The headline is fixed in the
/// page so that it can never be edited away; content/pages/emergency.md adds the explanation.
/// </summary>
[AllowAnonymous]
public sealed class EmergencyModel(EducationContent content, IOptions<ClinicOptions> clinic) : PageModel
{
    public string? Reference { get; private set; }

    public string? Advice { get; private set; }

    public string EmergencyNumber => clinic.Value.EmergencyNumber;

    public void OnGet(string? reference)
    {
        Reference = ReferenceNumbers.Normalize(reference);
        Advice = content.Find("emergency")?.Html.Replace("{{EmergencyNumber}}", System.Net.WebUtility.HtmlEncode(EmergencyNumber), StringComparison.Ordinal);
    }
}
