using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Outbox;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Features.Consultations;

namespace SpineDesk.Web.Features.Queue;

/// <summary>An inquiry whose events go on a timeline; with a reference, its entries say which inquiry they belong to.</summary>
public sealed record TimelineInquiry(int Id, DateTime ReceivedAt, string? Reference);

/// <summary>
/// The inquiry's one history, newest first: its arrival, contact attempts, stage changes, notes, emails
/// (kind and state, never the body) and consultations. One query per kind of event, none per row.
/// </summary>
public static class InquiryTimeline
{
    /// <summary>How the timeline names a change SpineDesk made by itself, such as closing as unreachable.</summary>
    public const string SystemActorName = "SpineDesk (automatic, system)";

    public static async Task<IReadOnlyList<TimelineEntry>> LoadAsync(SpineDeskDbContext db, int id, DateTime receivedAt, ClinicClock clock, CancellationToken cancellationToken) =>
        NewestFirst(await EntriesAsync(db, [new TimelineInquiry(id, receivedAt, Reference: null)], clock, cancellationToken));

    /// <summary>
    /// The events of several inquiries (a patient's), oldest kind first, unsorted: pass them, with any others,
    /// to <see cref="NewestFirst"/>. An inquiry given a reference has it on each of its entries.
    /// </summary>
    public static async Task<List<TimelineEntry>> EntriesAsync(
        SpineDeskDbContext db, IReadOnlyCollection<TimelineInquiry> inquiries, ClinicClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(inquiries);
        ArgumentNullException.ThrowIfNull(clock);
        var ids = inquiries.Select(i => i.Id).ToList();
        var references = inquiries.ToDictionary(i => i.Id, i => i.Reference);
        var attempts = await (
                from a in db.ContactAttempts.AsNoTracking()
                where ids.Contains(a.InquiryId)
                join u in db.Users on a.StaffUserId equals u.Id into staff
                from u in staff.DefaultIfEmpty()
                select new { a.InquiryId, a.At, a.Channel, a.Outcome, a.Note, a.NextAttemptAt, By = u == null ? null : u.DisplayName })
            .ToListAsync(cancellationToken);
        var changes = await (
                from s in db.StageChanges.AsNoTracking()
                where ids.Contains(s.InquiryId)
                join u in db.Users on s.StaffUserId equals u.Id into staff
                from u in staff.DefaultIfEmpty()
                select new
                {
                    s.InquiryId,
                    s.At,
                    s.From,
                    s.To,
                    s.Reason,
                    By = u != null ? u.DisplayName : s.StaffUserId == ClinicCadence.SystemActor ? SystemActorName : null,
                })
            .ToListAsync(cancellationToken);
        var emails = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.InquiryId != null && ids.Contains(m.InquiryId.Value))
            .Select(m => new { InquiryId = m.InquiryId!.Value, m.Kind, m.Status, m.CreatedAt, m.SentAt })
            .ToListAsync(cancellationToken);
        var consultations = await (
                from c in db.Consultations.AsNoTracking()
                where ids.Contains(c.InquiryId)
                join u in db.Users on c.BookedById equals u.Id into staff
                from u in staff.DefaultIfEmpty()
                select new { c.InquiryId, c.BookedAt, c.StartUtc, c.Status, Clinician = c.Clinician!.DisplayName, By = u == null ? null : u.DisplayName })
            .ToListAsync(cancellationToken);
        var notes = await (
                from n in db.Notes.AsNoTracking()
                where n.InquiryId != null && ids.Contains(n.InquiryId.Value)
                join u in db.Users on n.StaffUserId equals u.Id into staff
                from u in staff.DefaultIfEmpty()
                select new { InquiryId = n.InquiryId!.Value, n.At, n.Text, By = u == null ? null : u.DisplayName })
            .ToListAsync(cancellationToken);

        // Listed in the order things happen within one instant (an attempt, then the stage change it caused,
        // then the email that change queued), so that reversing the list keeps them in order, newest first.
        return
        [
            .. inquiries.Select(i => new TimelineEntry(
                i.ReceivedAt,
                i.Reference is null ? "Inquiry received through the contact form" : $"Inquiry {i.Reference} received through the contact form",
                null)),
            .. attempts.Select(a => new TimelineEntry(
                a.At,
                $"{InquiryWords.Describe(a.Channel)}: {InquiryWords.Describe(a.Outcome)}",
                a.By,
                a.Note,
                a.NextAttemptAt,
                references[a.InquiryId])),
            .. changes.Select(c => new TimelineEntry(
                c.At,
                $"Stage: {PipelineStateMachine.Describe(c.From)} → {PipelineStateMachine.Describe(c.To)}"
                    + (c.Reason is { } reason ? $" ({PipelineStateMachine.Describe(reason)})" : ""),
                c.By,
                Reference: references[c.InquiryId])),
            .. emails.Select(m => new TimelineEntry(
                m.SentAt ?? m.CreatedAt,
                $"Email: {DescribeEmail(m.Kind)} ({DescribeEmail(m.Status)})",
                null,
                Reference: references[m.InquiryId])),
            .. consultations.Select(c => new TimelineEntry(
                c.BookedAt,
                $"Consultation booked for {clock.Format(c.StartUtc)} with {c.Clinician}"
                    + (c.Status == ConsultationStatus.Booked ? "" : $" ({ConsultationWords.Describe(c.Status).ToLowerInvariant()})"),
                c.By,
                Reference: references[c.InquiryId])),
            .. notes.Select(n => new TimelineEntry(n.At, "Note", n.By, n.Text, Reference: references[n.InquiryId])),
        ];
    }

    /// <summary>Newest first; entries of one instant in the reverse of the order given.</summary>
    public static IReadOnlyList<TimelineEntry> NewestFirst(IEnumerable<TimelineEntry> entries) =>
        [.. entries.Select((entry, index) => (entry, index))
            .OrderByDescending(e => e.entry.At)
            .ThenByDescending(e => e.index)
            .Select(e => e.entry)];

    /// <summary>An email's purpose in the clinic's words.</summary>
    public static string DescribeEmail(string kind) => kind switch
    {
        "inquiry-confirmation" => "confirmation of the inquiry",
        UnreachableEmail.Kind => "could not reach you",
        "consultation-confirmation" => "consultation confirmation",
        "consultation-update" => "consultation moved",
        "consultation-cancellation" => "consultation cancelled",
        "consultation-reminder" => "consultation reminder",
        _ => kind,
    };

    public static string DescribeEmail(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => "sent",
        OutboxStatus.Pending => "waiting to be sent",
        OutboxStatus.Failed => "failed to send",
        _ => status.ToString(),
    };
}

/// <summary>What the timeline list partial (<c>_TimelineList</c>) shows: the entries, in clinic time, under a heading.</summary>
public sealed record TimelineList(IReadOnlyList<TimelineEntry> Entries, ClinicClock Clock, string HeadingId);
