using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.Intake;

[AllowAnonymous]
public sealed class ReceivedModel(IOptions<ClinicOptions> clinic) : PageModel
{
    public string? Reference { get; private set; }

    public string ClinicPhone => clinic.Value.Phone;

    public string EmergencyNumber => clinic.Value.EmergencyNumber;

    public void OnGet(string? reference) => Reference = ReferenceNumbers.Normalize(reference);
}
