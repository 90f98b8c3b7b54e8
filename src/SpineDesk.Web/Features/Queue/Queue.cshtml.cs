using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Instruments;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Features.SelfAssessment;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Queue;

public enum QueueFilter
{
    All,
    Mine,
    Unclaimed,

    /// <summary>Only those whose next (or first) attempt is due now by the clinic's contact cadence.</summary>
    Due,
}

/// <summary>One line of the queue, ready to show.</summary>
public sealed record QueueRow(
    int Id,
    string Name,
    string Reason,
    bool ReasonIsRedFlag,
    Urgency Urgency,
    string Waiting,
    bool OverTarget,
    string? Owner,
    bool IsMine,
    PipelineStage Stage,
    DateTime? NextAttemptAt,
    bool NextAttemptDue,
    DateTime? FirstContactDeadline,
    decimal? Odi = null,
    string? OdiBand = null,
    string? StartBackRisk = null)
{
    /// <summary>Severe disability or worse on the Oswestry of the person's self-assessment (over 40%).</summary>
    public bool SevereDisability => ScoreSummary.IsSevere(OdiBand);

    /// <summary>High risk on the STarT Back of the person's self-assessment.</summary>
    public bool HighRisk => StartBackRisk == "high";
}

/// <summary>
/// The coordinators' queue: open inquiries, emergencies first, then urgent, then routine; within each, the
/// longest waiting first (they share one first-contact target, so that is also the furthest past it). The
/// first-contact target and who is due now come from the clinic's contact cadence, in working time.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class QueueModel(SpineDeskDbContext db, AuditLog audit, ClinicClock clock, ClinicCadence cadence) : PageModel
{
    /// <summary>Rows per page: a morning's worth of calls, and a page that stays fast however long the queue grows.</summary>
    public const int PageSize = 50;

    public QueueFilter Show { get; private set; }

    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    // Not "page": Razor Pages keeps that route value for the page's own name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>How many inquiries the filter shows, on all pages.</summary>
    public int Total { get; private set; }

    public int OverTargetCount { get; private set; }

    public int DueCount { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public ClinicClock Clock => clock;

    public string EmergencyTarget => cadence.Policy.EmergencyTarget.ToString();

    public string UrgentTarget => cadence.Policy.UrgentTarget.ToString();

    public string RoutineTarget => cadence.Policy.RoutineTarget.ToString();

    /// <summary>The link to another page of the same filter.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["show"] = Show == QueueFilter.All ? null : Show.ToString().ToLowerInvariant(),
            ["p"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/staff/queue", query.Where(p => p.Value is not null));
    }

    public async Task OnGetAsync(string? show, CancellationToken cancellationToken)
    {
        Show = show?.ToLowerInvariant() switch
        {
            "mine" => QueueFilter.Mine,
            "unclaimed" => QueueFilter.Unclaimed,
            "due" => QueueFilter.Due,
            _ => QueueFilter.All,
        };
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.UtcNow;
        // Working time becomes receipt cut-offs, so that "due" and "over target" are decided in SQL for every row
        // (counts and pages) rather than in memory for all open inquiries.
        var firstAttemptDue = cadence.FirstAttemptDueCutoff(now);
        var routineCutoff = cadence.OverdueReceiptCutoff(Urgency.Routine, now);
        var urgentCutoff = cadence.OverdueReceiptCutoff(Urgency.Urgent, now);
        var emergencyCutoff = cadence.OverdueReceiptCutoff(Urgency.Emergency, now);
        var open = db.Inquiries.AsNoTracking()
            .Where(i => i.Stage == PipelineStage.New || i.Stage == PipelineStage.Contacting);
        open = Show switch
        {
            QueueFilter.Mine => open.Where(i => i.OwnerId == me),
            QueueFilter.Unclaimed => open.Where(i => i.OwnerId == null),
            QueueFilter.Due => open.Where(i => i.NextAttemptAt <= now
                || (i.NextAttemptAt == null && i.FirstContactAttemptAt == null && i.ReceivedAt <= firstAttemptDue)),
            _ => open,
        };

        var counts = await open
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Total = g.Count(),
                OverTarget = g.Count(i => i.FirstContactAttemptAt == null
                    && (i.Urgency == Urgency.Routine ? i.ReceivedAt <= routineCutoff
                        : i.Urgency == Urgency.Urgent ? i.ReceivedAt <= urgentCutoff
                        : i.ReceivedAt <= emergencyCutoff)),
                Due = g.Count(i => i.NextAttemptAt <= now
                    || (i.NextAttemptAt == null && i.FirstContactAttemptAt == null && i.ReceivedAt <= firstAttemptDue)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        Total = counts?.Total ?? 0;
        OverTargetCount = counts?.OverTarget ?? 0;
        DueCount = counts?.Due ?? 0;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);

        // Urgency is stored as text, so its order is spelled out rather than left to the alphabet.
        var items = await open
            .OrderBy(i => i.Urgency == Urgency.Emergency ? 0 : i.Urgency == Urgency.Urgent ? 1 : 2)
            .ThenBy(i => i.ReceivedAt)
            .ThenBy(i => i.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(i => new
            {
                i.Id,
                i.Name,
                i.Message,
                i.RedFlags,
                i.Urgency,
                i.ReceivedAt,
                i.FirstContactAttemptAt,
                i.OwnerId,
                Owner = i.Owner == null ? null : i.Owner.DisplayName,
                i.Stage,
                i.NextAttemptAt,
                // The latest Oswestry and STarT Back scores, as scalar subqueries of this one query (no query per row).
                Odi = db.ScoreObservations
                    .Where(s => s.InquiryId == i.Id && s.Code == OdiScorer.ScoreLoincCode)
                    .OrderByDescending(s => s.EffectiveAt).ThenByDescending(s => s.Id)
                    .Select(s => (decimal?)s.Value)
                    .FirstOrDefault(),
                OdiBand = db.ScoreObservations
                    .Where(s => s.InquiryId == i.Id && s.Code == OdiScorer.ScoreLoincCode)
                    .OrderByDescending(s => s.EffectiveAt).ThenByDescending(s => s.Id)
                    .Select(s => s.Interpretation)
                    .FirstOrDefault(),
                StartBackRisk = db.ScoreObservations
                    .Where(s => s.InquiryId == i.Id && s.Code == StartBackScorer.RiskLoincCode)
                    .OrderByDescending(s => s.EffectiveAt).ThenByDescending(s => s.Id)
                    .Select(s => s.Interpretation)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        Rows = [.. items.Select(i =>
        {
            var waited = now - i.ReceivedAt;
            var deadline = cadence.FirstContactDeadline(i.Urgency, i.ReceivedAt);
            var findings = RedFlagScreen.Assess(i.RedFlags).Findings;
            var reason = findings.Count > 0
                ? string.Join("; ", findings.Select(f => InquiryWords.Describe(f.Category)))
                : string.IsNullOrWhiteSpace(i.Message) ? "" : InquiryWords.Excerpt(i.Message);
            return new QueueRow(
                i.Id,
                i.Name,
                reason,
                findings.Count > 0,
                i.Urgency,
                WaitingTime.Describe(waited),
                // The target is for the first contact attempt; once someone has tried, the next attempt is what is due.
                i.FirstContactAttemptAt is null && now > deadline,
                i.Owner,
                i.OwnerId is not null && i.OwnerId == me,
                i.Stage,
                i.NextAttemptAt,
                i.NextAttemptAt is { } next ? next <= now : i.FirstContactAttemptAt is null && cadence.Calendar.NextOpen(i.ReceivedAt) <= now,
                i.FirstContactAttemptAt is null ? deadline : null,
                i.Odi,
                i.OdiBand,
                i.StartBackRisk);
        })];
        audit.Add(AuditActions.View("Queue"), "Queue", "open", $"Filter: {Show}; page {PageNumber}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
