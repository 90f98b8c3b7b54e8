using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Patients;

/// <summary>
/// Registering the person behind an inquiry as a patient. The page says beforehand whether an existing
/// patient with the same phone or email will be used instead of a new one. The form carries the inquiry's
/// version, so two coordinators registering at once do not make two patients from one inquiry.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class RegisterModel(SpineDeskDbContext db, PatientRegistry registry, ClinicClock clock) : PageModel
{
    public const string DateOfBirthField = "date-of-birth";

    public int InquiryId { get; private set; }

    public string ReferenceNumber { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The patient the inquiry already belongs to, if any.</summary>
    public (int Id, string Number)? Existing { get; private set; }

    /// <summary>An existing patient with the same phone or email, who will be linked instead of a new one.</summary>
    public (int Id, string PatientNumber, DuplicateMatch Match)? Match { get; private set; }

    [BindProperty]
    public int? Version { get; set; }

    /// <summary>Optional, as the date input sends it (yyyy-MM-dd).</summary>
    [BindProperty]
    public string? DateOfBirth { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }

        await ShowAsync(inquiry, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }

        if (inquiry.PatientId is { } already)
        {
            // Registered meanwhile (by a booking or a colleague): nothing to do but show it.
            TempData[nameof(PatientModel.StatusMessage)] = $"Inquiry {inquiry.ReferenceNumber} already belongs to this patient.";
            return Redirect(PatientModel.PageUrl(already));
        }

        var born = ReadDateOfBirth();
        if (Version is null)
        {
            Errors["register"] = "The form was incomplete. Reload the page and try again.";
        }
        else if (Version != inquiry.Version)
        {
            return await RefuseAsync(inquiry, StatusCodes.Status409Conflict, cancellationToken);
        }

        if (Errors.Count > 0)
        {
            return await RefuseAsync(inquiry, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var link = await registry.EnsureForAsync(inquiry, User.FindFirstValue(ClaimTypes.NameIdentifier)!, born, cancellationToken);
        db.ExpectVersion(inquiry, Version!.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
            return await RefuseAsync(fresh, StatusCodes.Status409Conflict, cancellationToken);
        }

        TempData[nameof(PatientModel.StatusMessage)] = link.Describe();
        return Redirect(PatientModel.PageUrl(inquiry.PatientId!.Value));
    }

    private DateOnly? ReadDateOfBirth()
    {
        if (string.IsNullOrWhiteSpace(DateOfBirth))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.ToClinic(clock.UtcNow));
        if (!DateOnly.TryParseExact(DateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            Errors[DateOfBirthField] = "Enter the date of birth as a date, for example 1971-03-27, or leave it empty.";
        }
        else if (born > today)
        {
            Errors[DateOfBirthField] = "The date of birth is in the future. Check the year.";
        }
        else if (born.Year < 1900)
        {
            Errors[DateOfBirthField] = "The date of birth is before 1900. Check the year.";
        }

        return born;
    }

    private async Task<IActionResult> RefuseAsync(Inquiry inquiry, int status, CancellationToken cancellationToken)
    {
        if (status == StatusCodes.Status409Conflict)
        {
            Errors.Clear();
            Errors["register"] = "Someone else changed this inquiry while you were looking at it. Here is the latest; check and try again.";
        }

        db.ChangeTracker.Clear();
        await ShowAsync(inquiry, cancellationToken);
        Response.StatusCode = status;
        return Page();
    }

    private async Task ShowAsync(Inquiry inquiry, CancellationToken cancellationToken)
    {
        InquiryId = inquiry.Id;
        ReferenceNumber = inquiry.ReferenceNumber;
        Name = inquiry.Name;
        Version = inquiry.Version;
        ModelState.Remove(nameof(Version));
        if (inquiry.PatientId is { } patientId)
        {
            var number = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.PatientNumber).SingleAsync(cancellationToken);
            Existing = (patientId, number);
            return;
        }

        Match = await PatientRegistry.FindByContactAsync(db, inquiry.Phone, inquiry.Email, cancellationToken);
    }
}
