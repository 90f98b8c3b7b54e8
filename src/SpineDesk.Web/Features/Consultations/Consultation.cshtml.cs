using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Consultations;

/// <summary>
/// One consultation: move it (to another time, with the same clinician or another; a reason), cancel it (a reason), or record after its start
/// that it was held or that the person did not come. Each form carries the version it was shown, so a change
/// made by someone else in between is refused rather than overwritten.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class ConsultationModel(SpineDeskDbContext db, AuditLog audit, BookableSlots slots, ConsultationBooking booking, ClinicClock clock) : PageModel
{
    public ClinicClock Clock => clock;

    public Consultation Consultation { get; private set; } = null!;

    public IReadOnlyList<BookableSlot> Slots { get; private set; } = [];

    public IReadOnlyList<ClinicianChoice> Clinicians { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The clinician whose free times are shown for the move; the current one unless chosen.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Clinician { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? Slot { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public DateOnly FirstDay => From ?? DateOnly.FromDateTime(clock.ToClinic(clock.UtcNow));

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, StatusCodes.Status200OK, cancellationToken);

    public Task<IActionResult> OnPostRescheduleAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, c => BookableSlot.TryParseKey(Slot, out var start)
            ? booking.RescheduleAsync(c, Clinician, start, Reason, cancellationToken)
            : Task.FromResult(BookingOutcome.Refused("slot", "Choose the new time.")), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, c => booking.CancelAsync(c, Reason, StaffId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostOutcomeAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, c => Outcome switch
        {
            nameof(ConsultationStatus.NoShow) => booking.RecordOutcomeAsync(c, ConsultationStatus.NoShow, Reason, StaffId, cancellationToken),
            nameof(ConsultationStatus.Completed) => booking.RecordOutcomeAsync(c, ConsultationStatus.Completed, Reason, StaffId, cancellationToken),
            _ => Task.FromResult(BookingOutcome.Refused("outcome", "Choose whether the consultation was held or the person did not come.")),
        }, cancellationToken);

    private string StaffId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<IActionResult> ChangeAsync(int id, Func<Consultation, Task<BookingOutcome>> change, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.Include(c => c.Inquiry).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consultation is null)
        {
            return NotFound();
        }

        if (Version is null)
        {
            Errors["actions"] = "The form was incomplete. Reload the page and try again.";
            return await ShowAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (Version != consultation.Version)
        {
            Errors["actions"] = ConsultationBooking.ChangedMessage;
            return await ShowAsync(id, StatusCodes.Status409Conflict, cancellationToken);
        }

        // The UPDATE applies only where the row still has the version the coordinator saw.
        db.ExpectVersion(consultation, Version.Value);
        var outcome = await change(consultation);
        if (outcome.Succeeded)
        {
            StatusMessage = outcome.Message;
            return RedirectToPage(new { id });
        }

        db.ChangeTracker.Clear();
        Errors[outcome.Field ?? "actions"] = outcome.Message;
        return await ShowAsync(id, outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, int status, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Inquiry).Include(c => c.Clinician)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consultation is null)
        {
            return NotFound();
        }

        Consultation = consultation;
        if (consultation.Status == ConsultationStatus.Booked)
        {
            Clinicians = await ClinicianChoices.LoadAsync(db, cancellationToken);
            if (Clinician is null || !Clinicians.Any(c => c.Id == Clinician))
            {
                Clinician = consultation.ClinicianId;
            }

            Slots = await slots.FindAsync(Clinician, FirstDay, BookModel.Days, cancellationToken);
        }

        await audit.RecordViewAsync(InquiryModel.EntityType, consultation.InquiryId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        Response.StatusCode = status;
        return Page();
    }
}
