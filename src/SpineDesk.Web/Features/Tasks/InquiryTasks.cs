using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Tasks;

namespace SpineDesk.Web.Features.Tasks;

/// <summary>The tasks about one person, for their inquiry page: open ones soonest first, then the latest closed.</summary>
public static class InquiryTasks
{
    public const int ClosedShown = 5;

    public static async Task<IReadOnlyList<TaskRow>> LoadAsync(SpineDeskDbContext db, int inquiryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var about = db.Tasks.AsNoTracking().Where(t => t.InquiryId == inquiryId);
        var open = await ReadAsync(about.Where(t => t.Status == StaffTaskStatus.Open).OrderBy(t => t.DueAt).ThenBy(t => t.Id), cancellationToken);
        var closed = await ReadAsync(about.Where(t => t.Status != StaffTaskStatus.Open).OrderByDescending(t => t.ClosedAt).ThenByDescending(t => t.Id).Take(ClosedShown), cancellationToken);
        return [.. open, .. closed];
    }

    private static async Task<IEnumerable<TaskRow>> ReadAsync(IQueryable<StaffTask> tasks, CancellationToken cancellationToken)
    {
        var rows = await tasks
            .Select(t => new { t.Id, t.Title, t.Priority, t.Status, t.DueAt, OwnerName = t.Owner == null ? null : t.Owner.DisplayName, t.OwnerRole, t.InquiryId, t.ClosedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(t => new TaskRow(
            t.Id, t.Title, t.Priority, t.Status, t.DueAt, t.OwnerName ?? TaskWords.DescribeRole(t.OwnerRole ?? ""), t.InquiryId, null, t.ClosedAt));
    }
}
