using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Features.SelfAssessment;
using SpineDesk.Web.Features.Staff;
using SpineDesk.Web.Features.Tasks;

namespace SpineDesk.Web.Features.Queue;

/// <summary>
/// One inquiry: what the person sent, its red flags, its history, and the coordinator's actions. Each
/// action is a small form carrying the <see cref="Inquiry.Version"/> the coordinator saw; a change made by
/// someone else in between is refused with 409 and the latest version is shown, so nobody's work is
/// overwritten. The handlers live in the partial files beside this one.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed partial class InquiryModel : PageModel
{
    public const string EntityType = "Inquiry";

    public const string ConflictMessage =
        "Someone else changed this inquiry while you were looking at it. Here is the latest version; please check and try again.";

    private readonly SpineDeskDbContext _db;
    private readonly AuditLog _audit;
    private readonly PhoneNumberReader _phones;
    private readonly SelfAssessmentPacks _packs;
    private readonly ClinicCadence _cadence;

    public InquiryModel(SpineDeskDbContext db, AuditLog audit, ClinicClock clock, PhoneNumberReader phones, SelfAssessmentPacks packs, ClinicCadence cadence)
    {
        _cadence = cadence;
        _db = db;
        _audit = audit;
        _phones = phones;
        _packs = packs;
        Clock = clock;
    }

    public ClinicClock Clock { get; }

    public InquiryView Inquiry { get; private set; } = null!;

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The self-assessment the person sent with the inquiry, if any.</summary>
    public InquirySelfAssessment? SelfAssessment { get; private set; }

    public IReadOnlyList<StaffChoice> Coordinators { get; private set; } = [];

    /// <summary>The tasks about this person: open ones, then the latest closed.</summary>
    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    /// <summary>Problems with what was posted, keyed by the id of the field they concern.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>True when the post was refused because the inquiry had changed since the page was loaded.</summary>
    public bool Conflicted { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public string PhoneDisplay => _phones.Display(Inquiry.Phone);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, StatusCodes.Status200OK, cancellationToken);

    /// <summary>Loads the page's data and records the view; 404 for an inquiry that does not exist.</summary>
    private async Task<IActionResult> ShowAsync(int id, int status, CancellationToken cancellationToken)
    {
        var data = await InquiryPageData.LoadAsync(_db, id, Clock, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        (Inquiry, Timeline, Coordinators) = data;
        SelfAssessment = await InquirySelfAssessment.LoadAsync(_db, _packs, id, cancellationToken);
        Tasks = await PersonTasks.ForInquiryAsync(_db, id, cancellationToken);
        await _audit.RecordViewAsync(EntityType, Key(id), cancellationToken);
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>
    /// Applies one change made from a form. <paramref name="change"/> validates and changes the tracked
    /// inquiry (adding its audit row), returning the message to show, or null after adding to
    /// <see cref="Errors"/>. The save is conditional on the version the form carried.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(int id, int? version, Func<Inquiry, Task<string?>> change, CancellationToken cancellationToken)
    {
        var inquiry = await _db.Inquiries.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inquiry is null)
        {
            return NotFound();
        }

        if (version is null)
        {
            Errors["actions"] = "The form was incomplete. Reload the page and try again.";
            return await ShowAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var done = await change(inquiry);
        if (done is null)
        {
            _db.ChangeTracker.Clear();
            // A form from an older version can fail only because of what changed since: say so.
            return inquiry.Version == version
                ? await ShowAsync(id, StatusCodes.Status400BadRequest, cancellationToken)
                : await ShowConflictAsync(id, cancellationToken);
        }

        // The UPDATE only applies where the row still has the version the coordinator saw. Every change,
        // even a new contact attempt, raises the version, so anyone holding the old page is stopped.
        _db.ExpectVersion(inquiry, version.Value);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            return await ShowConflictAsync(id, cancellationToken);
        }

        StatusMessage = done;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowConflictAsync(int id, CancellationToken cancellationToken)
    {
        Conflicted = true;
        Errors.Clear();
        return await ShowAsync(id, StatusCodes.Status409Conflict, cancellationToken);
    }

    private async Task<string> StaffNameAsync(string? staffId, CancellationToken cancellationToken) =>
        staffId is null
            ? "Unclaimed"
            : await _db.Users.Where(u => u.Id == staffId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "Unknown staff member";

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
