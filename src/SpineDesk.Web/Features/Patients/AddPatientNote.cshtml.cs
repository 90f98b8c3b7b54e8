using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Notes;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Patients;

/// <summary>
/// Adding a note on a patient (rather than on one of their inquiries). Append-only, like inquiry notes; the
/// form sits in the patient page's history, and this page shows it again with the message when refused.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class AddPatientNoteModel(SpineDeskDbContext db, AuditLog audit, ClinicClock clock) : PageModel
{
    public int PatientId { get; private set; }

    public string PatientNumber { get; private set; } = "";

    /// <summary>What was typed, kept so nothing is lost when it is refused.</summary>
    [BindProperty]
    public string? Text { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (text, error) = NoteText.Read(Text);
        if (error is not null)
        {
            Errors[AddNoteModel.FieldId] = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.Notes.Add(new Note
        {
            PatientId = id,
            At = clock.UtcNow,
            StaffUserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
            Text = text!,
        });
        // The note's words stay out of the audit trail: only that a note of this length was added.
        audit.Add(PatientAudit.NoteAction, PatientAudit.EntityType, PatientNumber, $"Note added ({text!.Length.ToString(CultureInfo.InvariantCulture)} characters)");
        await db.SaveChangesAsync(cancellationToken);
        TempData[nameof(PatientModel.StatusMessage)] = "Note added.";
        return Redirect(PatientModel.PageUrl(id) + "#history");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var number = await db.Patients.AsNoTracking().Where(p => p.Id == id).Select(p => p.PatientNumber).SingleOrDefaultAsync(cancellationToken);
        if (number is null)
        {
            return false;
        }

        PatientId = id;
        PatientNumber = number;
        return true;
    }
}
