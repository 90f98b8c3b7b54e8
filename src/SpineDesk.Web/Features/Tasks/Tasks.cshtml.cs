using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Tasks;

public enum TaskFilter
{
    Mine,
    All,
    Overdue,
    Closed,
}

/// <summary>One line of the task list.</summary>
public sealed record TaskRow(int Id, string Title, TaskPriority Priority, StaffTaskStatus Status, DateTime DueAt, string Owner, string? Person, string? PersonHref, DateTime? ClosedAt);

/// <summary>
/// Tasks: mine (mine and my roles'), all open, overdue, or recently closed; open ones soonest due first, a page
/// at a time.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class TasksModel(SpineDeskDbContext db, AuditLog audit, ClinicClock clock) : PageModel
{
    public const int PageSize = 50;

    public ClinicClock Clock => clock;

    public TaskFilter Show { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<TaskRow> Rows { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? show, int? page, CancellationToken cancellationToken)
    {
        Show = Enum.TryParse<TaskFilter>(show, ignoreCase: true, out var filter) && Enum.IsDefined(filter) ? filter : TaskFilter.Mine;
        PageNumber = Math.Max(1, page ?? 1);
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var roles = TaskOwners.Roles.Where(User.IsInRole).ToList();
        var now = clock.UtcNow;
        var tasks = db.Tasks.AsNoTracking();
        tasks = Show switch
        {
            TaskFilter.All => tasks.Where(t => t.Status == StaffTaskStatus.Open),
            TaskFilter.Overdue => tasks.Where(t => t.Status == StaffTaskStatus.Open && t.DueAt <= now),
            TaskFilter.Closed => tasks.Where(t => t.Status != StaffTaskStatus.Open),
            _ => tasks.Where(t => t.Status == StaffTaskStatus.Open && (t.OwnerId == me || (t.OwnerRole != null && roles.Contains(t.OwnerRole)))),
        };
        Total = await tasks.CountAsync(cancellationToken);
        var ordered = Show == TaskFilter.Closed
            ? tasks.OrderByDescending(t => t.ClosedAt).ThenByDescending(t => t.Id)
            : tasks.OrderBy(t => t.DueAt).ThenBy(t => t.Id);
        var rows = await ordered
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(t => new
            {
                t.Id,
                t.Title,
                t.Priority,
                t.Status,
                t.DueAt,
                OwnerName = t.Owner == null ? null : t.Owner.DisplayName,
                t.OwnerRole,
                t.InquiryId,
                t.PatientId,
                Person = t.Inquiry != null ? t.Inquiry.Name : t.Patient != null ? t.Patient.Name : null,
                t.ClosedAt,
            })
            .ToListAsync(cancellationToken);
        Rows = [.. rows.Select(t => new TaskRow(
            t.Id, t.Title, t.Priority, t.Status, t.DueAt,
            t.OwnerName ?? TaskWords.DescribeRole(t.OwnerRole ?? StaffRoles.Coordinator),
            t.Person, TaskWords.PersonHref(t.InquiryId, t.PatientId), t.ClosedAt))];
        audit.Add(AuditActions.View("Tasks"), "Tasks", Show.ToString(), $"Page {PageNumber}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
