using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;

namespace SpineDesk.Web.Features.Queue;

/// <summary>Everything the inquiry page shows, read without tracking.</summary>
public sealed class InquiryView
{
    public int Id { get; init; }

    public required string ReferenceNumber { get; init; }

    public DateTime ReceivedAt { get; init; }

    public required string Name { get; init; }

    public required string Phone { get; init; }

    public string? Email { get; init; }

    public ContactMethod PreferredContactMethod { get; init; }

    public ContactTime PreferredContactTime { get; init; }

    public required string Language { get; init; }

    public bool ConsentToContact { get; init; }

    public string? Message { get; init; }

    public required List<RedFlagSign> RedFlags { get; init; }

    public Urgency Urgency { get; init; }

    public PipelineStage Stage { get; init; }

    public ClosureReason? ClosureReason { get; init; }

    public string? OwnerId { get; init; }

    public string? OwnerName { get; init; }

    public DateTime? FirstContactAttemptAt { get; init; }

    public DateTime? NextAttemptAt { get; init; }

    public int Version { get; init; }

    public int? PossibleDuplicateOfId { get; init; }

    public string? PossibleDuplicateReference { get; init; }

    public DuplicateMatch? PossibleDuplicateMatch { get; init; }

    public int? MergedIntoId { get; init; }

    public string? MergedIntoReference { get; init; }

    public int? PatientId { get; init; }

    public string? PatientNumber { get; init; }

    public int? PossiblePatientId { get; init; }

    public string? PossiblePatientNumber { get; init; }

    public DuplicateMatch? PossiblePatientMatch { get; init; }

    public RedFlagAssessment Assessment => RedFlagScreen.Assess(RedFlags);
}

/// <summary>One event on the inquiry's timeline: its arrival, an attempt, a stage change, a note, an email or a consultation.</summary>
/// <remarks><paramref name="Reference"/> names the inquiry an entry belongs to where a timeline shows several (a patient's).</remarks>
public sealed record TimelineEntry(DateTime At, string Title, string? By, string? Note = null, DateTime? NextAttemptAt = null, string? Reference = null);

/// <summary>A coordinator who can own an inquiry.</summary>
public sealed record StaffChoice(string Id, string Name);

/// <summary>The page's data in a handful of queries, none per row.</summary>
public sealed record InquiryPageData(InquiryView Inquiry, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<StaffChoice> Coordinators)
{
    /// <summary>How the timeline names a change SpineDesk made by itself, such as closing as unreachable.</summary>
    public const string SystemActorName = InquiryTimeline.SystemActorName;

    public static async Task<InquiryPageData?> LoadAsync(SpineDeskDbContext db, int id, ClinicClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inquiry = await db.Inquiries.AsNoTracking()
            .Where(i => i.Id == id)
            .Select(i => new InquiryView
            {
                Id = i.Id,
                ReferenceNumber = i.ReferenceNumber,
                ReceivedAt = i.ReceivedAt,
                Name = i.Name,
                Phone = i.Phone,
                Email = i.Email,
                PreferredContactMethod = i.PreferredContactMethod,
                PreferredContactTime = i.PreferredContactTime,
                Language = i.Language,
                ConsentToContact = i.ConsentToContact,
                Message = i.Message,
                RedFlags = i.RedFlags,
                Urgency = i.Urgency,
                Stage = i.Stage,
                ClosureReason = i.ClosureReason,
                OwnerId = i.OwnerId,
                OwnerName = i.Owner == null ? null : i.Owner.DisplayName,
                FirstContactAttemptAt = i.FirstContactAttemptAt,
                NextAttemptAt = i.NextAttemptAt,
                Version = i.Version,
                PossibleDuplicateOfId = i.PossibleDuplicateOfId,
                PossibleDuplicateReference = db.Inquiries.Where(d => d.Id == i.PossibleDuplicateOfId).Select(d => d.ReferenceNumber).FirstOrDefault(),
                PossibleDuplicateMatch = i.PossibleDuplicateMatch,
                MergedIntoId = i.MergedIntoId,
                MergedIntoReference = db.Inquiries.Where(d => d.Id == i.MergedIntoId).Select(d => d.ReferenceNumber).FirstOrDefault(),
                PatientId = i.PatientId,
                PatientNumber = i.Patient == null ? null : i.Patient.PatientNumber,
                PossiblePatientId = i.PossiblePatientId,
                PossiblePatientNumber = db.Patients.Where(p => p.Id == i.PossiblePatientId).Select(p => p.PatientNumber).FirstOrDefault(),
                PossiblePatientMatch = i.PossiblePatientMatch,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (inquiry is null)
        {
            return null;
        }

        var timeline = await InquiryTimeline.LoadAsync(db, id, inquiry.ReceivedAt, clock, cancellationToken);

        var coordinators = await CoordinatorsQuery(db)
            .OrderBy(u => u.DisplayName)
            .Select(u => new StaffChoice(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);

        return new InquiryPageData(inquiry, timeline, coordinators);
    }

    /// <summary>Staff accounts holding the Coordinator role.</summary>
    public static IQueryable<StaffUser> CoordinatorsQuery(SpineDeskDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var coordinator = StaffRoles.Coordinator.ToUpperInvariant();
        return from u in db.Users.AsNoTracking()
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.NormalizedName == coordinator
               select u;
    }
}
