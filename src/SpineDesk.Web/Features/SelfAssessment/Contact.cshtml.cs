using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpineDesk.Clinical;
using SpineDesk.Data;
using SpineDesk.Web.Features.Clinic;
using SpineDesk.Web.Features.Intake;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>
/// The last step: the contact form's details, sent through <see cref="InquiryIntake"/>. The inquiry gets the
/// self-assessment's red flags (with any the form carries), and the self-assessment, its responses and their
/// scores are linked to the inquiry in the same transaction. This is the one step under the public-forms limit.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IntakeSetup.PublicFormsPolicy)]
public sealed class ContactModel(
    SpineDeskDbContext db,
    SelfAssessmentSession session,
    SelfAssessmentPacks packs,
    TimeProvider time,
    InquiryIntake intake,
    IOptions<ClinicOptions> clinic)
    : SelfAssessmentPageModel(db, session, packs, time)
{
    [BindProperty]
    public ContactForm Form { get; set; } = new();

    public bool IsEmergency { get; private set; }

    public string EmergencyNumber => clinic.Value.EmergencyNumber;

    /// <summary>Where Back goes: the emergency advice after an emergency answer, otherwise the summary.</summary>
    public string BackPath { get; private set; } = "/self-assessment";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadContactAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        Form.SubmissionKey = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadContactAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        foreach (var (key, entry) in ModelState)
        {
            var field = key.StartsWith("Form.", StringComparison.Ordinal) ? key[5..] : key;
            if (entry.Errors.FirstOrDefault() is { } error)
            {
                Errors.TryAdd(field, string.IsNullOrEmpty(error.ErrorMessage) ? "This answer was not recognised." : error.ErrorMessage);
            }
        }

        Form.RedFlags = [.. Form.RedFlags.Union(Assessment!.RedFlags ?? []).Order()];
        var problems = intake.Validate(Form, out var phone);
        foreach (var (field, message) in problems)
        {
            Errors.TryAdd(field, message);
        }

        if (Errors.Count > 0 || phone is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var assessment = Assessment;
        var responseIds = assessment.Responses.Select(r => r.Id).ToList();
        var scores = await Db.ScoreObservations.Where(s => responseIds.Contains(s.ResponseId)).ToListAsync(cancellationToken);
        var result = await intake.SubmitAsync(Form, phone, inquiry =>
        {
            assessment.Inquiry = inquiry;
            assessment.CompletedAt = Now;
            assessment.UpdatedAt = Now;
            assessment.CurrentStep = SelfAssessmentFlow.Contact;
            foreach (var response in assessment.Responses)
            {
                response.Inquiry = inquiry;
            }

            // Score observations reach the inquiry by key only: give them its key while it is still temporary,
            // and EF Core puts the generated one in when the inquiry is inserted.
            var inquiryKey = Db.Entry(inquiry).Property(i => i.Id).CurrentValue;
            foreach (var score in scores)
            {
                Db.Entry(score).Property(s => s.InquiryId).CurrentValue = inquiryKey;
            }
        }, cancellationToken);

        SelfAssessmentSession.End(HttpContext);
        return result.Urgency == Urgency.Emergency
            ? RedirectToPage("/Intake/Emergency", new { reference = result.ReferenceNumber })
            : RedirectToPage("/Intake/Received", new { reference = result.ReferenceNumber });
    }

    private async Task<IActionResult?> LoadContactAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(SelfAssessmentFlow.Contact, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        IsEmergency = Assessment!.Urgency == Urgency.Emergency;
        BackPath = IsEmergency ? "/self-assessment/" + SelfAssessmentFlow.Emergency : "/self-assessment/" + SelfAssessmentFlow.Summary;
        return null;
    }
}
