using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff;

namespace SpineDesk.Web.Features.Team;

/// <summary>An open inquiry that can be picked for reassignment.</summary>
public sealed record OwnedInquiry(int Id, string Name, Urgency Urgency, PipelineStage Stage, DateTime ReceivedAt, DateTime? NextAttemptAt);

/// <summary>
/// The team view: who holds how many open inquiries, moving several of them to another coordinator at once,
/// and the figures over a chosen period (dates in clinic time, both days included; default the last 30 days).
/// </summary>
[Authorize(Policy = StaffPolicies.Coordination)]
public sealed class TeamModel(SpineDeskDbContext db, AuditLog audit, ClinicClock clock, ClinicCadence cadence) : PageModel
{
    public const string EntityType = "Team";

    public ClinicClock Clock => clock;

    public IReadOnlyList<Workload> Workloads { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Coordinators { get; private set; } = [];

    public PeriodFigures? Figures { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>The owner whose inquiries are listed for reassignment; null when none is chosen.</summary>
    public Workload? Selected { get; private set; }

    public IReadOnlyList<OwnedInquiry> Owned { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Whose inquiries are listed: a staff id, or "unclaimed".</summary>
    [BindProperty]
    public string? Owner { get; set; }

    /// <summary>The owner's staff id; null for the unclaimed ones.</summary>
    public string? OwnerId => Owner == UnclaimedKey ? null : Owner;

    public const string UnclaimedKey = "unclaimed";

    public static string KeyOf(Workload row) => row?.OwnerId ?? UnclaimedKey;

    [BindProperty]
    public List<int> Chosen { get; set; } = [];

    [BindProperty]
    public string? Target { get; set; }

    public async Task OnGetAsync(string? from, string? to, string? owner, CancellationToken cancellationToken)
    {
        Owner = owner;
        await LoadAsync(from, to, cancellationToken);
    }

    public async Task<IActionResult> OnPostReassignAsync(CancellationToken cancellationToken)
    {
        var coordinators = await CoordinatorsAsync(cancellationToken);
        var chosen = Chosen.Distinct().ToList();
        var ownerId = OwnerId;
        var target = coordinators.SingleOrDefault(c => c.Id == Target);
        if (string.IsNullOrWhiteSpace(Target))
        {
            Errors["target"] = "Choose the coordinator to give the inquiries to.";
        }
        else if (target.Id is null)
        {
            Errors["target"] = "That person is not a coordinator, so inquiries cannot be assigned to them. Choose a coordinator from the list.";
        }
        else if (target.Id == ownerId)
        {
            Errors["target"] = $"{target.Name} already owns these inquiries. Choose another coordinator.";
        }

        if (chosen.Count == 0)
        {
            Errors["chosen"] = "Tick at least one inquiry to reassign.";
        }

        if (Errors.Count == 0)
        {
            var inquiries = await db.Inquiries
                .Where(i => chosen.Contains(i.Id) && i.OwnerId == ownerId
                    && (i.Stage == PipelineStage.New || i.Stage == PipelineStage.Contacting))
                .ToListAsync(cancellationToken);
            if (inquiries.Count != chosen.Count)
            {
                Errors["chosen"] = "Some of the ticked inquiries were closed or given to someone else since the list was shown. Nothing was reassigned; check the list and try again.";
            }
            else
            {
                var from = await OwnerNameAsync(OwnerId, cancellationToken);
                foreach (var inquiry in inquiries)
                {
                    inquiry.OwnerId = target.Id;
                    audit.Add("inquiry.assign", InquiryModel.EntityType, inquiry.Id.ToString(CultureInfo.InvariantCulture),
                        $"Owner: {from} → {target.Name} (reassigned with others from the team view)");
                }

                try
                {
                    // One save: every change and its audit row in one transaction, or none of them.
                    await db.SaveChangesAsync(cancellationToken);
                    StatusMessage = inquiries.Count == 1
                        ? $"1 inquiry reassigned to {target.Name}."
                        : $"{inquiries.Count} inquiries reassigned to {target.Name}.";
                    return RedirectToPage(new { owner = Owner });
                }
                catch (DbUpdateConcurrencyException)
                {
                    db.ChangeTracker.Clear();
                    Errors["chosen"] = "Someone changed one of these inquiries at the same moment. Nothing was reassigned; check the list and try again.";
                }
            }
        }

        await LoadAsync(null, null, cancellationToken);
        return Page();
    }

    private async Task<string> OwnerNameAsync(string? id, CancellationToken cancellationToken) =>
        id is null
            ? "Unclaimed"
            : await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "Unknown";

    private async Task<IReadOnlyList<(string Id, string Name)>> CoordinatorsAsync(CancellationToken cancellationToken)
    {
        var list = await InquiryPageData.CoordinatorsQuery(db)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. list.Select(u => (u.Id, u.DisplayName))];
    }

    private async Task LoadAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var today = DateOnly.FromDateTime(clock.ToClinic(now));
        To = today;
        From = today.AddDays(-29);
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (DateOnly.TryParseExact(to.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                To = t;
                From = t.AddDays(-29);
            }
            else
            {
                Errors["to"] = "Enter the last day like 2026-11-30.";
            }
        }

        if (!string.IsNullOrWhiteSpace(from))
        {
            if (DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f))
            {
                From = f;
            }
            else
            {
                Errors["from"] = "Enter the first day like 2026-11-01.";
            }
        }

        if (From > To)
        {
            Errors["from"] = "The first day must be on or before the last day.";
            (From, To) = (To, From);
        }

        Coordinators = await CoordinatorsAsync(cancellationToken);
        Workloads = await TeamFigures.WorkloadAsync(db, Coordinators, now, cancellationToken);
        Figures = await TeamFigures.PeriodAsync(db, cadence, StartOfDay(From), StartOfDay(To.AddDays(1)), now, cancellationToken);

        var ownerId = OwnerId;
        Selected = string.IsNullOrEmpty(Owner) ? null : Workloads.SingleOrDefault(w => w.OwnerId == ownerId);
        if (Selected is not null)
        {
            Owned = await db.Inquiries.AsNoTracking()
                .Where(i => i.OwnerId == ownerId && (i.Stage == PipelineStage.New || i.Stage == PipelineStage.Contacting))
                .OrderByDescending(i => i.Urgency).ThenBy(i => i.ReceivedAt)
                .Select(i => new OwnedInquiry(i.Id, i.Name, i.Urgency, i.Stage, i.ReceivedAt, i.NextAttemptAt))
                .ToListAsync(cancellationToken);
        }

        await audit.RecordViewAsync(EntityType, $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}", cancellationToken);
    }

    /// <summary>The UTC instant of a clinic-local midnight (or the first valid time after it, on a clock change).</summary>
    private DateTime StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (clock.Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, clock.Zone);
    }
}
