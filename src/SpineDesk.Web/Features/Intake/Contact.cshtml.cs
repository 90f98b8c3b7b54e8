using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Web.Features.Clinic;
using SpineDesk.Web.Features.Public;

namespace SpineDesk.Web.Features.Intake;

[AllowAnonymous]
[EnableRateLimiting(IntakeSetup.PublicFormsPolicy)]
public sealed class ContactModel(InquiryIntake intake, EducationContent content, IOptions<ClinicOptions> clinic) : PageModel
{
    [BindProperty]
    public ContactForm Form { get; set; } = new();

    public ContentPage? Intro { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    public bool EmergencyWhileInvalid { get; private set; }

    public string EmergencyNumber => clinic.Value.EmergencyNumber;

    public void OnGet()
    {
        Form.SubmissionKey = Guid.NewGuid();
        Intro = content.Find("contact");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, entry) in ModelState)
        {
            var field = key.StartsWith("Form.", StringComparison.Ordinal) ? key[5..] : key;
            if (entry.Errors.FirstOrDefault() is { } error)
            {
                Errors.TryAdd(field, string.IsNullOrEmpty(error.ErrorMessage) ? "This answer was not recognised." : error.ErrorMessage);
            }
        }

        var problems = intake.Validate(Form, out var phone);
        foreach (var (field, message) in problems)
        {
            Errors.TryAdd(field, message);
        }

        if (Errors.Count > 0 || phone is null)
        {
            // The safety advice comes first even when the rest of the form needs fixing.
            var validSigns = Form.RedFlags.Where(Enum.IsDefined).ToList();
            EmergencyWhileInvalid = RedFlagScreen.Assess(validSigns).IsEmergency;
            Intro = content.Find("contact");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await intake.SubmitAsync(Form, phone, cancellationToken);
        return result.Urgency == Clinical.Urgency.Emergency
            ? RedirectToPage("/Intake/Emergency", new { reference = result.ReferenceNumber })
            : RedirectToPage("/Intake/Received", new { reference = result.ReferenceNumber });
    }
}
