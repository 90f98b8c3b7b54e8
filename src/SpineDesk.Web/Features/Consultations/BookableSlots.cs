using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Web.Features.Queue;

namespace SpineDesk.Web.Features.Consultations;

/// <summary>One slot a coordinator can book.</summary>
public sealed record BookableSlot(string ClinicianId, DateTime StartUtc, DateTime EndUtc, string Location, bool OffersVideo)
{
    /// <summary>The slot as a form posts it: its start in UTC, to the minute.</summary>
    public string Key => FormatKey(StartUtc);

    public static string FormatKey(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    public static bool TryParseKey(string? key, out DateTime utc)
    {
        var ok = DateTime.TryParseExact(key, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return ok;
    }
}

/// <summary>
/// Works out the bookable slots of a clinician: the usual week on the clinic's wall clock, less dates closed,
/// plus extra hours, less what is already booked or already past. Wall-clock hours are converted to UTC
/// date by date, so a slot at 09:00 is at 09:00 local on both sides of a daylight-saving change; a local time
/// skipped by the change (spring forward) offers no slot.
/// </summary>
public sealed class BookableSlots(SpineDeskDbContext db, ClinicClock clock)
{
    /// <summary>The slots from <paramref name="from"/> (a clinic date) for <paramref name="days"/> days.</summary>
    public Task<IReadOnlyList<BookableSlot>> FindAsync(string clinicianId, DateOnly from, int days, CancellationToken cancellationToken) =>
        FindAsync(clinicianId, from, days, includeBooked: false, cancellationToken);

    /// <summary>
    /// Finds one slot of the schedule by its start, booked or not (to tell a time just taken from a time that
    /// was never offered); null when the schedule has no such slot or it is past.
    /// </summary>
    public async Task<BookableSlot?> FindPlannedAsync(string clinicianId, DateTime startUtc, CancellationToken cancellationToken)
    {
        var date = DateOnly.FromDateTime(clock.ToClinic(startUtc));
        var slots = await FindAsync(clinicianId, date, 1, includeBooked: true, cancellationToken);
        return slots.FirstOrDefault(s => s.StartUtc == startUtc);
    }

    private async Task<IReadOnlyList<BookableSlot>> FindAsync(string clinicianId, DateOnly from, int days, bool includeBooked, CancellationToken cancellationToken)
    {
        var to = from.AddDays(days);
        var weekly = await db.ClinicianAvailabilities.AsNoTracking()
            .Where(a => a.ClinicianId == clinicianId).ToListAsync(cancellationToken);
        var changes = await db.AvailabilityChanges.AsNoTracking()
            .Where(c => c.ClinicianId == clinicianId && c.Date >= from && c.Date < to).ToListAsync(cancellationToken);
        var candidates = Plan(clock.Zone, clinicianId, weekly, changes, from, days);
        if (candidates.Count == 0)
        {
            return [];
        }

        var now = clock.UtcNow;
        if (includeBooked)
        {
            return [.. candidates.Where(s => s.StartUtc > now)];
        }

        // Every booking that overlaps the range, including one that starts before it (a longer consultation).
        var first = candidates[0].StartUtc;
        var end = candidates.Max(s => s.EndUtc);
        var booked = (await db.Consultations.AsNoTracking()
            .Where(c => c.ClinicianId == clinicianId && c.Status == ConsultationStatus.Booked && c.StartUtc < end && c.EndUtc > first)
            .Select(c => new { c.StartUtc, c.EndUtc })
            .ToListAsync(cancellationToken));
        return [.. candidates.Where(s => s.StartUtc > now && !booked.Any(b => b.StartUtc < s.EndUtc && s.StartUtc < b.EndUtc))];
    }

    /// <summary>Finds one slot by its start, if it is bookable now.</summary>
    public async Task<BookableSlot?> FindOneAsync(string clinicianId, DateTime startUtc, CancellationToken cancellationToken)
    {
        var date = DateOnly.FromDateTime(clock.ToClinic(startUtc));
        var slots = await FindAsync(clinicianId, date, 1, cancellationToken);
        return slots.FirstOrDefault(s => s.StartUtc == startUtc);
    }

    /// <summary>The slots the schedule offers, before bookings and the clock are considered; ordered by start.</summary>
    public static List<BookableSlot> Plan(
        TimeZoneInfo zone,
        string clinicianId,
        IReadOnlyCollection<ClinicianAvailability> weekly,
        IReadOnlyCollection<AvailabilityChange> changes,
        DateOnly from,
        int days)
    {
        var slots = new List<BookableSlot>();
        for (var date = from; date < from.AddDays(days); date = date.AddDays(1))
        {
            var today = changes.Where(c => c.Date == date).ToList();
            if (!today.Any(c => c.Kind == AvailabilityChangeKind.Closed))
            {
                foreach (var block in weekly.Where(w => w.Day == date.DayOfWeek))
                {
                    AddBlock(slots, zone, clinicianId, date, block.Start, block.End, block.SlotMinutes, block.Location, block.OffersVideo);
                }
            }

            foreach (var extra in today.Where(c => c.Kind == AvailabilityChangeKind.ExtraHours))
            {
                if (extra is { Start: { } start, End: { } end, SlotMinutes: { } minutes, Location: { } location })
                {
                    AddBlock(slots, zone, clinicianId, date, start, end, minutes, location, extra.OffersVideo);
                }
            }
        }

        // Two blocks may overlap (extra hours over the usual week): offer each start once.
        return [.. slots.DistinctBy(s => s.StartUtc).OrderBy(s => s.StartUtc)];
    }

    private static void AddBlock(
        List<BookableSlot> slots, TimeZoneInfo zone, string clinicianId, DateOnly date,
        TimeOnly start, TimeOnly end, int minutes, string location, bool offersVideo)
    {
        if (minutes <= 0)
        {
            return;
        }

        for (var local = date.ToDateTime(start); local.AddMinutes(minutes) <= date.ToDateTime(end); local = local.AddMinutes(minutes))
        {
            if (zone.IsInvalidTime(local))
            {
                continue;
            }

            var startUtc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
            slots.Add(new BookableSlot(clinicianId, startUtc, startUtc.AddMinutes(minutes), location, offersVideo));
        }
    }
}
