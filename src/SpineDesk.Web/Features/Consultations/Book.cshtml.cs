using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Consultations;

/// <summary>
/// An inquiry's consultations, and booking one: choose a clinician and a week (a plain GET form, so the page
/// works without JavaScript), then a time, in person or by video.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class BookModel(SpineDeskDbContext db, AuditLog audit, BookableSlots slots, ConsultationBooking booking, ClinicClock clock) : PageModel
{
    /// <summary>How many days of times one page shows.</summary>
    public const int Days = 7;

    public ClinicClock Clock => clock;

    public Inquiry Inquiry { get; private set; } = null!;

    public IReadOnlyList<Consultation> Consultations { get; private set; } = [];

    public IReadOnlyList<ClinicianChoice> Clinicians { get; private set; } = [];

    public IReadOnlyList<BookableSlot> Slots { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Clinician { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty]
    public string? Slot { get; set; }

    [BindProperty]
    public ConsultationMode Mode { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public DateOnly FirstDay => From ?? DateOnly.FromDateTime(clock.ToClinic(clock.UtcNow));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, StatusCodes.Status200OK, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }

        var clinicians = await ClinicianChoices.LoadAsync(db, cancellationToken);
        if (string.IsNullOrEmpty(Clinician) || !clinicians.Any(c => c.Id == Clinician))
        {
            Errors["clinician"] = "Choose a clinician.";
        }
        else if (!BookableSlot.TryParseKey(Slot, out var start))
        {
            Errors["slot"] = "Choose a time.";
        }
        else
        {
            var staffId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var outcome = await booking.BookAsync(inquiry, Clinician, start, Mode, staffId, cancellationToken);
            if (outcome.Succeeded)
            {
                StatusMessage = outcome.Message;
                return RedirectToPage(new { id });
            }

            Errors[outcome.Field ?? "slot"] = outcome.Message;
            db.ChangeTracker.Clear();
            return await ShowAsync(id, outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, cancellationToken);
        }

        db.ChangeTracker.Clear();
        return await ShowAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, int status, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }

        Inquiry = inquiry;
        Consultations = await db.Consultations.AsNoTracking().Include(c => c.Clinician)
            .Where(c => c.InquiryId == id).OrderByDescending(c => c.StartUtc).ToListAsync(cancellationToken);
        Clinicians = await ClinicianChoices.LoadAsync(db, cancellationToken);
        if (Clinician is not null && Clinicians.Any(c => c.Id == Clinician))
        {
            Slots = await slots.FindAsync(Clinician, FirstDay, Days, cancellationToken);
        }

        await audit.RecordViewAsync(InquiryModel.EntityType, id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        Response.StatusCode = status;
        return Page();
    }
}
