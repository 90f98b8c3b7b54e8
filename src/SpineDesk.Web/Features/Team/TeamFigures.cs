using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Web.Features.Cadence;

namespace SpineDesk.Web.Features.Team;

/// <summary>One coordinator's open inquiries (or the unclaimed ones, with a null id).</summary>
public sealed record Workload(string? OwnerId, string Name, bool IsCoordinator, int Open, int DueNow, int Emergency, int Urgent);

/// <summary>The figures a manager asks for, over inquiries received (and consultations starting) in a period.</summary>
public sealed record PeriodFigures(
    int Received,
    int Contacted,
    TimeSpan? MedianToFirstContact,
    TimeSpan? P90ToFirstContact,
    int WithinTarget,
    int Missed,
    int NotYetDue,
    int ReachedConsultation,
    int ReachedTreated,
    int NoShows,
    int ConsultationsHeldOrMissed)
{
    /// <summary>Contacted within target among those whose target is settled (contacted, or past the deadline).</summary>
    public double? WithinTargetShare => WithinTarget + Missed == 0 ? null : (double)WithinTarget / (WithinTarget + Missed);

    public double? NoShowRate => ConsultationsHeldOrMissed == 0 ? null : (double)NoShows / ConsultationsHeldOrMissed;
}

/// <summary>Read-only queries of the team view: a fixed number of queries, projections only, nothing tracked.</summary>
public static class TeamFigures
{
    /// <summary>Open inquiries per owner, one row per coordinator (even with none) plus any other owner and Unclaimed.</summary>
    public static async Task<IReadOnlyList<Workload>> WorkloadAsync(
        SpineDeskDbContext db, IReadOnlyList<(string Id, string Name)> coordinators, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(coordinators);

        // "Due now" is the queue's own filter: the next attempt time has come, or nobody has tried yet.
        var counts = await db.Inquiries.AsNoTracking()
            .Where(i => i.Stage == PipelineStage.New || i.Stage == PipelineStage.Contacting)
            .GroupBy(i => i.OwnerId)
            .Select(g => new
            {
                OwnerId = g.Key,
                Open = g.Count(),
                Due = g.Count(i => i.NextAttemptAt <= now || (i.NextAttemptAt == null && i.FirstContactAttemptAt == null)),
                Emergency = g.Count(i => i.Urgency == Urgency.Emergency),
                Urgent = g.Count(i => i.Urgency == Urgency.Urgent),
            })
            .ToListAsync(cancellationToken);

        var others = counts.Where(c => c.OwnerId is not null && coordinators.All(k => k.Id != c.OwnerId)).Select(c => c.OwnerId!).ToList();
        var otherNames = await db.Users.AsNoTracking()
            .Where(u => others.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        Workload Row(string? id, string name, bool isCoordinator)
        {
            var c = counts.SingleOrDefault(x => x.OwnerId == id);
            return new Workload(id, name, isCoordinator, c?.Open ?? 0, c?.Due ?? 0, c?.Emergency ?? 0, c?.Urgent ?? 0);
        }

        var rows = coordinators.Select(k => Row(k.Id, k.Name, isCoordinator: true)).ToList();
        rows.AddRange(others.Select(id => Row(id, otherNames.GetValueOrDefault(id) ?? "Former staff member", isCoordinator: false))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture));
        rows.Add(Row(null, "Unclaimed", isCoordinator: false));
        return rows;
    }

    /// <summary>
    /// The period's figures, from two queries. Inquiries merged into another are left out (the one kept counts).
    /// Share within target: the first attempt at or before <see cref="ClinicCadence.FirstContactDeadline"/> counts
    /// as within; no attempt and the deadline passed counts as missed; no attempt and the deadline still ahead is
    /// "not yet due" and left out of the share (reported apart).
    /// </summary>
    public static async Task<PeriodFigures> PeriodAsync(
        SpineDeskDbContext db, ClinicCadence cadence, DateTime fromUtc, DateTime toUtc, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cadence);

        var inquiries = await db.Inquiries.AsNoTracking()
            .Where(i => i.ReceivedAt >= fromUtc && i.ReceivedAt < toUtc && i.MergedIntoId == null)
            .Select(i => new
            {
                i.Urgency,
                i.ReceivedAt,
                i.FirstContactAttemptAt,
                Consultation = i.StageChanges.Any(s => s.To == PipelineStage.ConsultationScheduled),
                Treated = i.StageChanges.Any(s => s.To == PipelineStage.Treated),
            })
            .ToListAsync(cancellationToken);

        var consultations = await db.Consultations.AsNoTracking()
            .Where(c => c.StartUtc >= fromUtc && c.StartUtc < toUtc
                && (c.Status == ConsultationStatus.Completed || c.Status == ConsultationStatus.NoShow))
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var durations = inquiries
            .Where(i => i.FirstContactAttemptAt is not null)
            .Select(i => i.FirstContactAttemptAt!.Value - i.ReceivedAt)
            .Order()
            .ToList();

        int within = 0, missed = 0, notYetDue = 0;
        foreach (var i in inquiries)
        {
            var deadline = cadence.FirstContactDeadline(i.Urgency, i.ReceivedAt);
            if (i.FirstContactAttemptAt is { } first)
            {
                if (first <= deadline)
                {
                    within++;
                }
                else
                {
                    missed++;
                }
            }
            else if (deadline < now)
            {
                missed++;
            }
            else
            {
                notYetDue++;
            }
        }

        return new PeriodFigures(
            inquiries.Count,
            durations.Count,
            Percentiles.NearestRank(durations, 50),
            Percentiles.NearestRank(durations, 90),
            within,
            missed,
            notYetDue,
            inquiries.Count(i => i.Consultation),
            inquiries.Count(i => i.Treated),
            consultations.Where(c => c.Status == ConsultationStatus.NoShow).Sum(c => c.Count),
            consultations.Sum(c => c.Count));
    }
}
