using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>
/// The red-flag screen, always first (DESIGN.md §4.2): the contact form's questions in the same words. A possible
/// emergency goes straight to the emergency advice, before any other question.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SelfAssessmentSetup.AnswersPolicy)]
public sealed class SafetyModel(SpineDeskDbContext db, SelfAssessmentSession session, SelfAssessmentPacks packs, TimeProvider time, IOptions<ClinicOptions> clinic)
    : SelfAssessmentPageModel(db, session, packs, time)
{
    public IReadOnlyCollection<RedFlagSign> Ticked { get; private set; } = [];

    public string EmergencyNumber => clinic.Value.EmergencyNumber;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(SelfAssessmentFlow.Safety, cancellationToken, allowNew: true) is { } elsewhere)
        {
            return elsewhere;
        }

        Ticked = Assessment?.RedFlags ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(List<string> redFlags, CancellationToken cancellationToken)
    {
        if (await LoadAsync(SelfAssessmentFlow.Safety, cancellationToken, allowNew: true) is { } elsewhere)
        {
            return elsewhere;
        }

        var signs = new List<RedFlagSign>();
        foreach (var value in redFlags)
        {
            if (value.All(char.IsAsciiLetter) && Enum.TryParse<RedFlagSign>(value, out var sign) && Enum.IsDefined(sign))
            {
                signs.Add(sign);
            }
            else
            {
                Errors["RedFlags"] = "One of the answers was not recognised. Please tick the boxes that apply again.";
            }
        }

        if (Errors.Count > 0)
        {
            Ticked = signs;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var assessment = EnsureStarted();
        var screen = RedFlagScreen.Assess(signs);
        assessment.RedFlags = [.. signs.Distinct().Order()];
        assessment.Urgency = screen.Urgency;
        return screen.IsEmergency
            ? await GoToAsync(SelfAssessmentFlow.Emergency, "/self-assessment/" + SelfAssessmentFlow.Emergency, cancellationToken)
            : await GoToAsync(Flow.Next(Step)!, cancellationToken);
    }
}
