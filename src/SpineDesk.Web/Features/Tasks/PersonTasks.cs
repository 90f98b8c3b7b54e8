using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Tasks;

namespace SpineDesk.Web.Features.Tasks;

/// <summary>What the tasks section of a person's page needs: the tasks and where "Add a task" goes.</summary>
public sealed record PersonTasksModel(IReadOnlyList<TaskRow> Tasks, string AddUrl, SpineDesk.Web.Features.Queue.ClinicClock Clock, bool ShowInquiry = false);

/// <summary>
/// The tasks about one person, for their inquiry page or their patient record: open ones soonest first, then the
/// latest closed.
/// </summary>
public static class PersonTasks
{
    public const int ClosedShown = 5;

    /// <summary>The tasks about one inquiry.</summary>
    public static Task<IReadOnlyList<TaskRow>> ForInquiryAsync(SpineDeskDbContext db, int inquiryId, CancellationToken cancellationToken) =>
        LoadAsync(db, t => t.InquiryId == inquiryId, cancellationToken);

    /// <summary>The tasks about a patient: those on the record itself and those about any of their inquiries.</summary>
    public static Task<IReadOnlyList<TaskRow>> ForPatientAsync(SpineDeskDbContext db, int patientId, CancellationToken cancellationToken) =>
        LoadAsync(db, t => t.PatientId == patientId || (t.InquiryId != null && t.Inquiry!.PatientId == patientId), cancellationToken);

    private static async Task<IReadOnlyList<TaskRow>> LoadAsync(SpineDeskDbContext db, Expression<Func<StaffTask, bool>> about, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tasks = db.Tasks.AsNoTracking().Where(about);
        var open = await ReadAsync(tasks.Where(t => t.Status == StaffTaskStatus.Open).OrderBy(t => t.DueAt).ThenBy(t => t.Id), cancellationToken);
        var closed = await ReadAsync(tasks.Where(t => t.Status != StaffTaskStatus.Open).OrderByDescending(t => t.ClosedAt).ThenByDescending(t => t.Id).Take(ClosedShown), cancellationToken);
        return [.. open, .. closed];
    }

    private static async Task<IEnumerable<TaskRow>> ReadAsync(IQueryable<StaffTask> tasks, CancellationToken cancellationToken)
    {
        var rows = await tasks
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
                Reference = t.Inquiry == null ? null : t.Inquiry.ReferenceNumber,
                t.ClosedAt,
            })
            .ToListAsync(cancellationToken);
        // On a patient's page, a task about one of their inquiries names that inquiry.
        return rows.Select(t => new TaskRow(
            t.Id, t.Title, t.Priority, t.Status, t.DueAt, t.OwnerName ?? TaskWords.DescribeRole(t.OwnerRole ?? ""),
            t.Reference, TaskWords.PersonHref(t.InquiryId, null), t.ClosedAt));
    }
}
