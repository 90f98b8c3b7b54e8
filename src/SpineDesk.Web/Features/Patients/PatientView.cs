using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Web.Features.Queue;

namespace SpineDesk.Web.Features.Patients;

/// <summary>The patient's details as the patient page shows them.</summary>
public sealed record PatientView(
    int Id,
    string PatientNumber,
    string Name,
    DateOnly? DateOfBirth,
    string Phone,
    string? Email,
    DateTime CreatedAt,
    string? CreatedBy);

/// <summary>One of the person's inquiries, listed on the patient page.</summary>
public sealed record PatientInquiry(int Id, string ReferenceNumber, DateTime ReceivedAt, Urgency Urgency, PipelineStage Stage, int? MergedIntoId);

/// <summary>The patient page's data in a handful of queries, none per row or per inquiry.</summary>
public sealed record PatientPageData(PatientView Patient, IReadOnlyList<PatientInquiry> Inquiries, IReadOnlyList<TimelineEntry> Timeline)
{
    public static async Task<PatientPageData?> LoadAsync(SpineDeskDbContext db, int id, ClinicClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var patient = await (
                from p in db.Patients.AsNoTracking()
                where p.Id == id
                join u in db.Users on p.CreatedById equals u.Id into staff
                from u in staff.DefaultIfEmpty()
                select new PatientView(p.Id, p.PatientNumber, p.Name, p.DateOfBirth, p.Phone, p.Email, p.CreatedAt, u == null ? null : u.DisplayName))
            .SingleOrDefaultAsync(cancellationToken);
        if (patient is null)
        {
            return null;
        }

        var inquiries = await db.Inquiries.AsNoTracking()
            .Where(i => i.PatientId == id)
            .OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id)
            .Select(i => new PatientInquiry(i.Id, i.ReferenceNumber, i.ReceivedAt, i.Urgency, i.Stage, i.MergedIntoId))
            .ToListAsync(cancellationToken);
        var events = await InquiryTimeline.EntriesAsync(
            db, [.. inquiries.Select(i => new TimelineInquiry(i.Id, i.ReceivedAt, i.ReferenceNumber))], clock, cancellationToken);
        var notes = await (
                from n in db.Notes.AsNoTracking()
                where n.PatientId == id
                join u in db.Users on n.StaffUserId equals u.Id into staff
                from u in staff.DefaultIfEmpty()
                select new TimelineEntry(n.At, "Note on the patient", u == null ? null : u.DisplayName, n.Text, null, null))
            .ToListAsync(cancellationToken);

        // The registration comes after the events of its instant (a booking registers the patient last).
        var timeline = InquiryTimeline.NewestFirst(
            [.. events, new TimelineEntry(patient.CreatedAt, $"Registered as patient {patient.PatientNumber}", patient.CreatedBy), .. notes]);
        return new PatientPageData(patient, inquiries, timeline);
    }
}
