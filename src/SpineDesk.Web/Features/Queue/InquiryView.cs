using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Cadence;

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

    public RedFlagAssessment Assessment => RedFlagScreen.Assess(RedFlags);
}

/// <summary>One event on the inquiry's timeline: its arrival, a contact attempt or a stage change.</summary>
public sealed record TimelineEntry(DateTime At, string Title, string? By, string? Note = null, DateTime? NextAttemptAt = null);

/// <summary>A coordinator who can own an inquiry.</summary>
public sealed record StaffChoice(string Id, string Name);

/// <summary>The page's data in a handful of queries, none per row.</summary>
public sealed record InquiryPageData(InquiryView Inquiry, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<StaffChoice> Coordinators)
{
    /// <summary>How the timeline names a change SpineDesk made by itself, such as closing as unreachable.</summary>
    public const string SystemActorName = "SpineDesk (automatic, system)";

    public static async Task<InquiryPageData?> LoadAsync(SpineDeskDbContext db, int id, CancellationToken cancellationToken)
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
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (inquiry is null)
        {
            return null;
        }

        var attempts = await (
                from a in db.ContactAttempts.AsNoTracking()
                where a.InquiryId == id
                join u in db.Users on a.StaffUserId equals u.Id into staff
                from u in staff.DefaultIfEmpty()
                select new { a.At, a.Channel, a.Outcome, a.Note, a.NextAttemptAt, By = u == null ? null : u.DisplayName })
            .ToListAsync(cancellationToken);
        var changes = await (
                from s in db.StageChanges.AsNoTracking()
                where s.InquiryId == id
                join u in db.Users on s.StaffUserId equals u.Id into staff
                from u in staff.DefaultIfEmpty()
                select new
                {
                    s.At,
                    s.From,
                    s.To,
                    s.Reason,
                    By = u != null ? u.DisplayName : s.StaffUserId == ClinicCadence.SystemActor ? SystemActorName : null,
                })
            .ToListAsync(cancellationToken);

        List<TimelineEntry> timeline =
        [
            new(inquiry.ReceivedAt, "Inquiry received through the contact form", null),
            .. attempts.Select(a => new TimelineEntry(
                a.At,
                $"{InquiryWords.Describe(a.Channel)}: {InquiryWords.Describe(a.Outcome)}",
                a.By,
                a.Note,
                a.NextAttemptAt)),
            .. changes.Select(c => new TimelineEntry(
                c.At,
                $"Stage: {PipelineStateMachine.Describe(c.From)} → {PipelineStateMachine.Describe(c.To)}"
                    + (c.Reason is { } reason ? $" ({PipelineStateMachine.Describe(reason)})" : ""),
                c.By)),
        ];

        var coordinators = await CoordinatorsQuery(db)
            .OrderBy(u => u.DisplayName)
            .Select(u => new StaffChoice(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);

        // A stable sort keeps an attempt before the stage change it caused at the same instant.
        return new InquiryPageData(inquiry, [.. timeline.OrderBy(e => e.At)], coordinators);
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
