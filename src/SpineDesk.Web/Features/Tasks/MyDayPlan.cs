using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Staff;
using SpineDesk.Data.Tasks;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Features.Queue;

namespace SpineDesk.Web.Features.Tasks;

public enum MyDayKind
{
    Call,
    Task,
    Consultation,
}

/// <summary>One thing to do today, ready to show.</summary>
public sealed record MyDayItem(
    MyDayKind Kind,
    string Href,
    string Title,
    string? Person,
    string? PersonHref,
    DateTime At,
    bool DueNow,
    string Label,
    string BadgeClass,
    string? Detail,
    int Rank)
{
    /// <summary>True for a person nobody has claimed yet (the call is offered to whoever is free).</summary>
    public bool Unclaimed { get; init; }
}

/// <summary>The lists My day is made of: the items in order, and how many more are waiting elsewhere.</summary>
public sealed record MyDay(IReadOnlyList<MyDayItem> Items, int MoreUnclaimedDue, int MoreTasks, DateTime DayStart, DateTime DayEnd);

/// <summary>
/// A staff member's day in one list: the calls due (their own people, plus the most urgent unclaimed people the
/// clinic should call now), their tasks (their own and their roles') due today or overdue, and today's
/// consultations (a clinician's own; for a coordinator, the clinic's). Everything due now comes first — an
/// emergency call before anything else, then by priority and time — and then the rest of the day in time order.
/// Each list is one indexed query with a bound, so the page costs the same with 100 or 100,000 inquiries.
/// </summary>
public sealed class MyDayPlan(SpineDeskDbContext db, ClinicClock clock, ClinicCadence cadence)
{
    /// <summary>How many unclaimed people due a call are offered at most; the queue's "Due now" view has them all.</summary>
    public const int UnclaimedLimit = 10;

    /// <summary>How many tasks are listed at most; the task list has the rest.</summary>
    public const int TaskLimit = 50;

    public async Task<MyDay> LoadAsync(string me, IReadOnlyCollection<string> myRoles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(myRoles);
        var now = clock.UtcNow;
        var today = DateOnly.FromDateTime(clock.ToClinic(now));
        var dayStart = cadence.Calendar.ToUtc(today, TimeOnly.MinValue);
        var dayEnd = cadence.Calendar.ToUtc(today.AddDays(1), TimeOnly.MinValue);
        // A first attempt is due once the clinic has been open since the inquiry arrived; everything received up to
        // this instant has been (see ClinicCadence.FirstAttemptDueCutoff), so SQL can decide it.
        var firstAttemptCutoff = cadence.FirstAttemptDueCutoff(now);

        var items = new List<MyDayItem>();
        var isCoordinator = myRoles.Contains(StaffRoles.Coordinator);
        var moreUnclaimed = 0;
        if (isCoordinator)
        {
            items.AddRange(await CallsAsync(me, now, dayEnd, firstAttemptCutoff, cancellationToken));
            var unclaimed = await UnclaimedCallsAsync(now, firstAttemptCutoff, cancellationToken);
            items.AddRange(unclaimed.Items);
            moreUnclaimed = unclaimed.More;
        }

        var (tasks, moreTasks) = await TasksAsync(me, myRoles, now, dayEnd, cancellationToken);
        items.AddRange(tasks);
        items.AddRange(await ConsultationsAsync(me, isCoordinator, now, dayStart, dayEnd, cancellationToken));

        var ordered = items
            .OrderBy(i => i.DueNow ? 0 : 1)
            .ThenBy(i => i.DueNow ? i.Rank : 0)
            .ThenBy(i => i.At)
            .ThenBy(i => i.Kind)
            .ToList();
        return new MyDay(ordered, moreUnclaimed, moreTasks, dayStart, dayEnd);
    }

    private IQueryable<SpineDesk.Data.Intake.Inquiry> Open() =>
        db.Inquiries.AsNoTracking().Where(i => i.Stage == PipelineStage.New || i.Stage == PipelineStage.Contacting);

    /// <summary>My own people whose next (or first) attempt falls today or earlier.</summary>
    private async Task<IEnumerable<MyDayItem>> CallsAsync(string me, DateTime now, DateTime dayEnd, DateTime firstAttemptCutoff, CancellationToken cancellationToken)
    {
        var mine = await Open()
            .Where(i => i.OwnerId == me && (i.NextAttemptAt < dayEnd || (i.NextAttemptAt == null && i.FirstContactAttemptAt == null)))
            .Select(i => new CallRow(i.Id, i.Name, i.ReferenceNumber, i.Urgency, i.ReceivedAt, i.NextAttemptAt, i.ContactAttempts.Count()))
            .ToListAsync(cancellationToken);
        // A first call not due yet whose target is tomorrow (it arrived after closing) belongs to tomorrow's list.
        return mine.Select(c => Call(c, now, firstAttemptCutoff, unclaimed: false)).Where(c => c.DueNow || c.At < dayEnd);
    }

    /// <summary>The most urgent unclaimed people due a call now, and how many more there are.</summary>
    private async Task<(IEnumerable<MyDayItem> Items, int More)> UnclaimedCallsAsync(DateTime now, DateTime firstAttemptCutoff, CancellationToken cancellationToken)
    {
        var due = Open().Where(i => i.OwnerId == null
            && (i.NextAttemptAt <= now || (i.NextAttemptAt == null && i.FirstContactAttemptAt == null && i.ReceivedAt <= firstAttemptCutoff)));
        var rows = await due
            .OrderBy(i => i.Urgency == Urgency.Emergency ? 0 : i.Urgency == Urgency.Urgent ? 1 : 2)
            .ThenBy(i => i.ReceivedAt)
            .ThenBy(i => i.Id)
            .Take(UnclaimedLimit)
            .Select(i => new CallRow(i.Id, i.Name, i.ReferenceNumber, i.Urgency, i.ReceivedAt, i.NextAttemptAt, i.ContactAttempts.Count()))
            .ToListAsync(cancellationToken);
        var more = rows.Count < UnclaimedLimit ? 0 : await due.CountAsync(cancellationToken) - rows.Count;
        return (rows.Select(c => Call(c, now, firstAttemptCutoff, unclaimed: true)), more);
    }

    private MyDayItem Call(CallRow c, DateTime now, DateTime firstAttemptCutoff, bool unclaimed)
    {
        var firstAttempt = c.NextAttemptAt is null;
        var at = c.NextAttemptAt ?? cadence.FirstContactDeadline(c.Urgency, c.ReceivedAt);
        var dueNow = c.NextAttemptAt is { } next ? next <= now : c.ReceivedAt <= firstAttemptCutoff;
        var what = firstAttempt ? "First call" : $"Call (attempt {c.Attempts + 1})";
        return new MyDayItem(
            MyDayKind.Call,
            $"/staff/inquiries/{c.Id}#actions",
            $"{what}: {c.Name}",
            c.Name,
            TaskWords.PersonHref(c.Id, null),
            at,
            dueNow,
            InquiryWords.Describe(c.Urgency),
            InquiryWords.BadgeClass(c.Urgency),
            firstAttempt ? $"Reference {c.Reference}. First contact target {clock.FormatNear(at)}." : $"Reference {c.Reference}.",
            c.Urgency switch { Urgency.Emergency => -1, Urgency.Urgent => 0, _ => 1 })
        {
            Unclaimed = unclaimed,
        };
    }

    private async Task<(IEnumerable<MyDayItem> Items, int More)> TasksAsync(string me, IReadOnlyCollection<string> myRoles, DateTime now, DateTime dayEnd, CancellationToken cancellationToken)
    {
        var roles = TaskOwners.Roles.Where(myRoles.Contains).ToList();
        var mine = db.Tasks.AsNoTracking()
            .Where(t => t.Status == StaffTaskStatus.Open && t.DueAt < dayEnd && (t.OwnerId == me || (t.OwnerRole != null && roles.Contains(t.OwnerRole))));
        var rows = await mine
            .OrderBy(t => t.DueAt)
            .ThenBy(t => t.Id)
            .Take(TaskLimit)
            .Select(t => new
            {
                t.Id,
                t.Title,
                t.DueAt,
                t.Priority,
                t.OwnerRole,
                t.InquiryId,
                t.PatientId,
                Person = t.Inquiry != null ? t.Inquiry.Name : t.Patient != null ? t.Patient.Name : null,
            })
            .ToListAsync(cancellationToken);
        var more = rows.Count < TaskLimit ? 0 : await mine.CountAsync(cancellationToken) - rows.Count;
        return (rows.Select(t => new MyDayItem(
            MyDayKind.Task,
            $"/staff/tasks/{t.Id}",
            t.Title,
            t.Person,
            TaskWords.PersonHref(t.InquiryId, t.PatientId),
            t.DueAt,
            t.DueAt <= now,
            $"{TaskWords.Describe(t.Priority)} priority",
            TaskWords.BadgeClass(t.Priority),
            t.OwnerRole is null ? null : $"For {TaskWords.DescribeRole(t.OwnerRole).ToLowerInvariant()}.",
            TaskWords.Rank(t.Priority))), more);
    }

    /// <summary>Today's consultations; one that has started and is still only booked needs its outcome recorded.</summary>
    private async Task<IEnumerable<MyDayItem>> ConsultationsAsync(string me, bool isCoordinator, DateTime now, DateTime dayStart, DateTime dayEnd, CancellationToken cancellationToken)
    {
        var today = db.Consultations.AsNoTracking()
            .Where(c => c.Status == ConsultationStatus.Booked && c.StartUtc >= dayStart && c.StartUtc < dayEnd);
        if (!isCoordinator)
        {
            today = today.Where(c => c.ClinicianId == me);
        }

        var rows = await today
            .OrderBy(c => c.StartUtc)
            .Select(c => new
            {
                c.Id,
                c.StartUtc,
                c.EndUtc,
                c.Mode,
                c.Location,
                c.InquiryId,
                Person = c.Inquiry!.Name,
                Clinician = c.Clinician!.DisplayName,
                Mine = c.ClinicianId == me,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new MyDayItem(
            MyDayKind.Consultation,
            $"/staff/consultations/{c.Id}",
            $"Consultation: {c.Person}",
            c.Person,
            TaskWords.PersonHref(c.InquiryId, null),
            c.StartUtc,
            c.StartUtc <= now,
            c.StartUtc <= now ? "Record the outcome" : c.Mode == ConsultationMode.Video ? "Video" : "In person",
            c.StartUtc <= now ? "badge badge-urgent" : "badge badge-stage",
            $"{clock.FormatNear(c.StartUtc)}–{clock.ToClinic(c.EndUtc):HH:mm} with {(c.Mine ? "you" : c.Clinician)}{(c.Location is null ? "" : $", {c.Location}")}.",
            1));
    }

    private sealed record CallRow(int Id, string Name, string Reference, Urgency Urgency, DateTime ReceivedAt, DateTime? NextAttemptAt, int Attempts);
}
