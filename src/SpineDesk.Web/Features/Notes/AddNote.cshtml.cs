using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Notes;

/// <summary>
/// Adding a note to an inquiry. Notes only ever append (a correction is a new note), so no version check is
/// needed: two coordinators writing at once both keep their note. The form sits in the inquiry page's
/// history; this page shows it again, with the message, when what was posted cannot be kept.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class AddNoteModel(SpineDeskDbContext db, AuditLog audit, ClinicClock clock) : PageModel
{
    public const string AuditAction = "inquiry.note";

    public const string FieldId = "note-text";

    public int InquiryId { get; private set; }

    public string ReferenceNumber { get; private set; } = "";

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
            Errors[FieldId] = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.Notes.Add(new Note
        {
            InquiryId = id,
            At = clock.UtcNow,
            StaffUserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
            Text = text!,
        });
        // The note's words stay out of the audit trail: only that a note of this length was added.
        audit.Add(AuditAction, InquiryModel.EntityType, id.ToString(CultureInfo.InvariantCulture), $"Note added ({text!.Length} characters)");
        await db.SaveChangesAsync(cancellationToken);
        TempData[nameof(InquiryModel.StatusMessage)] = "Note added.";
        return Redirect($"/staff/inquiries/{id.ToString(CultureInfo.InvariantCulture)}#history");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var reference = await db.Inquiries.AsNoTracking().Where(i => i.Id == id).Select(i => i.ReferenceNumber).SingleOrDefaultAsync(cancellationToken);
        if (reference is null)
        {
            return false;
        }

        InquiryId = id;
        ReferenceNumber = reference;
        return true;
    }
}
