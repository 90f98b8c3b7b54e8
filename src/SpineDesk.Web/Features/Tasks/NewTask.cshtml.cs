using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Tasks;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Tasks;

/// <summary>
/// Adding a task by hand, about a person (from their inquiry page) or about nothing in particular. The task and
/// its audit row are saved in one transaction; the audit row names the new task's number.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class NewTaskModel(SpineDeskDbContext db, AuditLog audit, ClinicClock clock, ClinicCadence cadence, TaskOwners owners) : PageModel
{
    public ClinicClock Clock => clock;

    [BindProperty(SupportsGet = true, Name = "inquiry")]
    public int? InquiryId { get; set; }

    [BindProperty(SupportsGet = true, Name = "patient")]
    public int? PatientId { get; set; }

    /// <summary>The person's name and reference or patient number, when the task is about someone.</summary>
    public string? About { get; private set; }

    /// <summary>Their inquiry page or patient record, when the task is about someone.</summary>
    public string? AboutHref => TaskWords.PersonHref(InquiryId, PatientId);

    [BindProperty]
    public TaskForm Form { get; set; } = new();

    public IReadOnlyList<TaskOwnerChoice> OwnerChoices { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // Sensible defaults: mine, normal priority, due an hour from now (or at the next opening), on the quarter hour.
        Form.Owner = TaskOwners.PersonPrefix + User.FindFirstValue(ClaimTypes.NameIdentifier);
        Form.Priority = nameof(TaskPriority.Normal);
        Form.Due = clock.ForInput(DefaultDue(clock.UtcNow));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var values = await Form.ReadAsync(owners, clock, withText: true, Errors, cancellationToken);
        if (values is not null && values.DueAt < clock.UtcNow.AddMinutes(-5))
        {
            Errors["task-due"] = "That time has passed. Choose when the task is due from now on.";
            values = null;
        }

        if (values is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var task = new StaffTask
        {
            Title = values.Title,
            Details = values.Details,
            InquiryId = InquiryId,
            PatientId = PatientId,
            OwnerId = values.OwnerId,
            OwnerRole = values.OwnerRole,
            DueAt = values.DueAt,
            Priority = values.Priority,
            Status = StaffTaskStatus.Open,
            CreatedAt = clock.UtcNow,
            CreatedById = me,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Tasks.Add(task);
            await db.SaveChangesAsync(cancellationToken);
            // The task's words stay out of the audit trail; its number, person, owner and due time are enough.
            audit.Add("task.create", TaskWords.EntityType, Key(task.Id), Describe(task));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        TempData[nameof(TaskDetailsModel.StatusMessage)] = "Task added.";
        return Redirect(AboutHref is { } person ? person + "#tasks" : $"/staff/tasks/{Key(task.Id)}");
    }

    /// <summary>The audit line for a task: who it is about, who owns it, when it is due, how important.</summary>
    internal static string Describe(StaffTask task) =>
        string.Join(", ", new[]
        {
            Subject(task),
            task.OwnerId is { } o ? $"owner {o}" : $"owner role {task.OwnerRole}",
            $"due {ClinicClock.Iso(task.DueAt)}",
            $"priority {task.Priority}",
        });

    /// <summary>Who a task is about, for the audit trail: "Inquiry 12", "Patient 3" or "No one in particular".</summary>
    internal static string Subject(StaffTask task) =>
        task.InquiryId is { } i ? $"Inquiry {Key(i)}" : task.PatientId is { } p ? $"Patient {Key(p)}" : "No one in particular";

    private DateTime DefaultDue(DateTime now)
    {
        var inAnHour = now.AddHours(1);
        var quarter = TimeSpan.FromMinutes(15).Ticks;
        var rounded = new DateTime((inAnHour.Ticks + quarter - 1) / quarter * quarter, DateTimeKind.Utc);
        return cadence.Calendar.NextOpen(rounded);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        OwnerChoices = await owners.ChoicesAsync(cancellationToken);
        if (InquiryId is { } inquiryId)
        {
            // One subject only: an inquiry's task is about the inquiry (its patient's page shows it too).
            PatientId = null;
            var inquiry = await db.Inquiries.AsNoTracking().Where(i => i.Id == inquiryId)
                .Select(i => new { i.Name, i.ReferenceNumber })
                .SingleOrDefaultAsync(cancellationToken);
            About = inquiry is null ? null : $"{inquiry.Name} ({inquiry.ReferenceNumber})";
            return inquiry is not null;
        }

        if (PatientId is { } patientId)
        {
            var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
                .Select(p => new { p.Name, p.PatientNumber })
                .SingleOrDefaultAsync(cancellationToken);
            About = patient is null ? null : $"{patient.Name} (patient {patient.PatientNumber})";
            return patient is not null;
        }

        return true;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
