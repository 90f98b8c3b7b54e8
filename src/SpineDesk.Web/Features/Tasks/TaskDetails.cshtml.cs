using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Tasks;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Tasks;

/// <summary>What the task page shows.</summary>
public sealed record TaskView(
    StaffTask Task,
    string? PersonName,
    string? PersonReference,
    string OwnerName,
    string CreatedByName,
    string? ClosedByName);

/// <summary>
/// One task: mark it done (with what was done), cancel it (with why), or give it to someone else, move its due
/// time or change its priority. Each form carries the version it was shown, so a change made by someone else in
/// between is refused and the latest is shown rather than overwritten.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class TaskDetailsModel(SpineDeskDbContext db, AuditLog audit, ClinicClock clock, TaskOwners owners) : PageModel
{
    public const string ConflictMessage = "Someone else changed this task while you were looking at it. Here is the latest version; please check and try again.";

    public ClinicClock Clock => clock;

    public TaskView View { get; private set; } = null!;

    public IReadOnlyList<TaskOwnerChoice> OwnerChoices { get; private set; } = [];

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public TaskForm Form { get; set; } = new();

    [BindProperty]
    public string? Outcome { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public bool Conflicted { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public bool IsOverdue => View.Task.Status == StaffTaskStatus.Open && View.Task.DueAt <= clock.UtcNow;

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        ShowAsync(id, StatusCodes.Status200OK, fill: true, cancellationToken);

    public Task<IActionResult> OnPostDoneAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, task =>
        {
            var outcome = Outcome?.Trim();
            if (outcome is { Length: > StaffTask.OutcomeMaxLength })
            {
                Errors["task-outcome"] = $"Keep what was done to {StaffTask.OutcomeMaxLength} characters; it has {outcome.Length}.";
                return Task.FromResult<string?>(null);
            }

            Close(task, StaffTaskStatus.Done, string.IsNullOrEmpty(outcome) ? null : outcome);
            audit.Add("task.done", TaskWords.EntityType, Key(task.Id), Link(task));
            return Task.FromResult<string?>("Task marked done.");
        }, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, task =>
        {
            var reason = Outcome?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                Errors["task-cancel-reason"] = "Say why the task is no longer needed.";
                return Task.FromResult<string?>(null);
            }

            if (reason.Length > StaffTask.OutcomeMaxLength)
            {
                Errors["task-cancel-reason"] = $"Keep the reason to {StaffTask.OutcomeMaxLength} characters; it has {reason.Length}.";
                return Task.FromResult<string?>(null);
            }

            Close(task, StaffTaskStatus.Cancelled, reason);
            audit.Add("task.cancel", TaskWords.EntityType, Key(task.Id), Link(task));
            return Task.FromResult<string?>("Task cancelled.");
        }, cancellationToken);

    public Task<IActionResult> OnPostChangeAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async task =>
        {
            var values = await Form.ReadAsync(owners, clock, withText: false, Errors, cancellationToken);
            if (values is null)
            {
                return null;
            }

            task.OwnerId = values.OwnerId;
            task.OwnerRole = values.OwnerRole;
            task.DueAt = values.DueAt;
            task.Priority = values.Priority;
            audit.Add("task.change", TaskWords.EntityType, Key(task.Id), NewTaskModel.Describe(task));
            return "Task updated.";
        }, cancellationToken);

    private void Close(StaffTask task, StaffTaskStatus status, string? outcome)
    {
        task.Status = status;
        task.Outcome = outcome;
        task.ClosedAt = clock.UtcNow;
        task.ClosedById = User.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    private async Task<IActionResult> ChangeAsync(int id, Func<StaffTask, Task<string?>> change, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return NotFound();
        }

        if (Version is null)
        {
            Errors["task-actions"] = "The form was incomplete. Reload the page and try again.";
            return await ShowAsync(id, StatusCodes.Status400BadRequest, fill: false, cancellationToken);
        }

        if (task.Version != Version || task.Status != StaffTaskStatus.Open)
        {
            db.ChangeTracker.Clear();
            return await ShowConflictAsync(id, cancellationToken);
        }

        var done = await change(task);
        if (done is null)
        {
            db.ChangeTracker.Clear();
            return await ShowAsync(id, StatusCodes.Status400BadRequest, fill: false, cancellationToken);
        }

        // The UPDATE applies only where the row still has the version the form was shown.
        db.ExpectVersion(task, Version.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ShowConflictAsync(id, cancellationToken);
        }

        StatusMessage = done;
        return TaskWords.PersonHref(task.InquiryId, task.PatientId) is { } person && task.Status != StaffTaskStatus.Open
            ? Redirect(person + "#tasks")
            : RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowConflictAsync(int id, CancellationToken cancellationToken)
    {
        Conflicted = true;
        Errors.Clear();
        return await ShowAsync(id, StatusCodes.Status409Conflict, fill: true, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, int status, bool fill, CancellationToken cancellationToken)
    {
        var view = await db.Tasks.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new
            {
                Task = t,
                PersonName = t.Inquiry != null ? t.Inquiry.Name : t.Patient != null ? t.Patient.Name : null,
                PersonReference = t.Inquiry != null ? t.Inquiry.ReferenceNumber : t.Patient != null ? "patient " + t.Patient.PatientNumber : null,
                OwnerName = t.Owner == null ? null : t.Owner.DisplayName,
                CreatedByName = db.Users.Where(u => u.Id == t.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
                ClosedByName = db.Users.Where(u => u.Id == t.ClosedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        var task = view.Task;
        View = new TaskView(
            task,
            view.PersonName,
            view.PersonReference,
            view.OwnerName ?? TaskWords.DescribeRole(task.OwnerRole ?? ""),
            view.CreatedByName ?? (task.Rule is null ? "Unknown staff member" : "SpineDesk"),
            view.ClosedByName);
        OwnerChoices = await owners.ChoicesAsync(cancellationToken);
        Version = task.Version;
        if (fill || Form.Owner is null)
        {
            Form = new TaskForm
            {
                Owner = TaskOwners.ValueFor(task),
                Due = clock.ForInput(task.DueAt),
                Priority = task.Priority.ToString(),
            };
        }

        if (fill)
        {
            Outcome = null;
        }

        audit.Add(AuditActions.View(TaskWords.EntityType), TaskWords.EntityType, Key(id), Link(task));
        await db.SaveChangesAsync(cancellationToken);
        Response.StatusCode = status;
        return Page();
    }

    private static string Link(StaffTask task) => NewTaskModel.Subject(task);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
