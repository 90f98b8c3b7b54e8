using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Web.Features.Audit;

namespace SpineDesk.Web.Features.Consultations;

/// <summary>What the schedule forms post: a block of hours, weekly or on one date.</summary>
public sealed class BlockInput
{
    public DayOfWeek? Day { get; set; }

    public DateOnly? Date { get; set; }

    public AvailabilityChangeKind Kind { get; set; }

    public TimeOnly? Start { get; set; }

    public TimeOnly? End { get; set; }

    public int? SlotMinutes { get; set; } = 30;

    public string? Location { get; set; }

    public bool OffersVideo { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// A clinician's schedule: the usual week, and dates closed or with extra hours. Kept by coordinators and
/// administrators; times are the clinic's wall clock.
/// </summary>
[Authorize(Policy = ConsultationsSetup.SchedulingPolicy)]
public sealed class AvailabilityModel(SpineDeskDbContext db, AuditLog audit, Queue.ClinicClock clock) : PageModel
{
    public const string EntityType = "Schedule";

    public IReadOnlyList<ClinicianChoice> Clinicians { get; private set; } = [];

    public IReadOnlyList<ClinicianAvailability> Weekly { get; private set; } = [];

    public IReadOnlyList<AvailabilityChange> Changes { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Clinician { get; set; }

    [BindProperty]
    public BlockInput Block { get; set; } = new();

    public Dictionary<string, string> Errors { get; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public ClinicianChoice? Chosen => Clinicians.FirstOrDefault(c => c.Id == Clinician);

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(StatusCodes.Status200OK, cancellationToken);

    public async Task<IActionResult> OnPostWeeklyAsync(CancellationToken cancellationToken)
    {
        if (!await CheckAsync(Block.Day is null, "block-day", "Choose the day of the week.", cancellationToken))
        {
            return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }

        db.ClinicianAvailabilities.Add(new ClinicianAvailability
        {
            ClinicianId = Clinician!,
            Day = Block.Day!.Value,
            Start = Block.Start!.Value,
            End = Block.End!.Value,
            SlotMinutes = Block.SlotMinutes!.Value,
            Location = Block.Location!.Trim(),
            OffersVideo = Block.OffersVideo,
        });
        return await SaveAsync("schedule.weekly.add", $"{Block.Day} {Block.Start:HH\\:mm}–{Block.End:HH\\:mm}", "Weekly hours added.", cancellationToken);
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken)
    {
        var closed = Block.Kind == AvailabilityChangeKind.Closed;
        if (!await CheckAsync(Block.Date is null, "block-date", "Enter the date.", cancellationToken, checkHours: !closed))
        {
            return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }

        db.AvailabilityChanges.Add(new AvailabilityChange
        {
            ClinicianId = Clinician!,
            Date = Block.Date!.Value,
            Kind = Block.Kind,
            Start = closed ? null : Block.Start,
            End = closed ? null : Block.End,
            SlotMinutes = closed ? null : Block.SlotMinutes,
            Location = closed ? null : Block.Location!.Trim(),
            OffersVideo = !closed && Block.OffersVideo,
            Note = string.IsNullOrWhiteSpace(Block.Note) ? null : Block.Note.Trim(),
        });
        return await SaveAsync("schedule.date.add", $"{Block.Date:yyyy-MM-dd} {Block.Kind}", closed ? "Date closed." : "Extra hours added.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveWeeklyAsync(int blockId, CancellationToken cancellationToken)
    {
        var block = await db.ClinicianAvailabilities.SingleOrDefaultAsync(a => a.Id == blockId && a.ClinicianId == Clinician, cancellationToken);
        if (block is not null)
        {
            db.ClinicianAvailabilities.Remove(block);
        }

        return await SaveAsync("schedule.weekly.remove", $"Block {blockId}", block is null ? "Those hours were already removed." : "Weekly hours removed.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveChangeAsync(int changeId, CancellationToken cancellationToken)
    {
        var change = await db.AvailabilityChanges.SingleOrDefaultAsync(a => a.Id == changeId && a.ClinicianId == Clinician, cancellationToken);
        if (change is not null)
        {
            db.AvailabilityChanges.Remove(change);
        }

        return await SaveAsync("schedule.date.remove", $"Date change {changeId}", change is null ? "That date was already removed." : "Date change removed.", cancellationToken);
    }

    /// <summary>Validates the posted block; false after adding to <see cref="Errors"/>.</summary>
    private async Task<bool> CheckAsync(bool whenMissing, string whenField, string whenMessage, CancellationToken cancellationToken, bool checkHours = true)
    {
        Clinicians = await ClinicianChoices.LoadAsync(db, cancellationToken);
        if (Chosen is null)
        {
            Errors["clinician"] = "Choose a clinician.";
            return false;
        }

        if (whenMissing)
        {
            Errors[whenField] = whenMessage;
        }

        if (checkHours)
        {
            if (Block.Start is not { } start || Block.End is not { } end || end <= start)
            {
                Errors["block-start"] = "Enter a start and an end time, the end after the start.";
            }
            else if (Block.SlotMinutes is not (>= 5 and <= 240) || (end - start).TotalMinutes < Block.SlotMinutes)
            {
                Errors["block-slot"] = "Enter a slot length between 5 and 240 minutes that fits between the start and the end.";
            }

            if (string.IsNullOrWhiteSpace(Block.Location) || Block.Location.Trim().Length > 200)
            {
                Errors["block-location"] = "Enter where in-person consultations take place (up to 200 characters).";
            }
        }

        return Errors.Count == 0;
    }

    private async Task<IActionResult> SaveAsync(string action, string details, string message, CancellationToken cancellationToken)
    {
        audit.Add(action, EntityType, Clinician ?? "", details);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = message;
        return RedirectToPage(new { clinician = Clinician });
    }

    private async Task<IActionResult> ShowAsync(int status, CancellationToken cancellationToken)
    {
        Clinicians = await ClinicianChoices.LoadAsync(db, cancellationToken);
        if (Chosen is not null)
        {
            Weekly = await db.ClinicianAvailabilities.AsNoTracking().Where(a => a.ClinicianId == Clinician)
                .OrderBy(a => a.Day).ThenBy(a => a.Start).ToListAsync(cancellationToken);
            var today = DateOnly.FromDateTime(clock.ToClinic(clock.UtcNow));
            Changes = await db.AvailabilityChanges.AsNoTracking().Where(a => a.ClinicianId == Clinician && a.Date >= today)
                .OrderBy(a => a.Date).ThenBy(a => a.Start).ToListAsync(cancellationToken);
        }

        Response.StatusCode = status;
        return Page();
    }

    public static string Time(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";
}
