using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Outbox;
using SpineDesk.Web.Features.Cadence;
using SpineDesk.Web.Features.Consultations;

namespace SpineDesk.Web.Features.Queue;

/// <summary>
/// The inquiry's one history, newest first: its arrival, contact attempts, stage changes, notes, emails
/// (kind and state, never the body) and consultations. One query per kind of event, none per row.
/// </summary>
public static class InquiryTimeline
{
    /// <summary>How the timeline names a change SpineDesk made by itself, such as closing as unreachable.</summary>
    public const string SystemActorName = "SpineDesk (automatic, system)";

    public static async Task<IReadOnlyList<TimelineEntry>> LoadAsync(SpineDeskDbContext db, int id, DateTime receivedAt, ClinicClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
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
        var emails = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.InquiryId == id)
            .Select(m => new { m.Kind, m.Status, m.CreatedAt, m.SentAt })
            .ToListAsync(cancellationToken);
        var consultations = await (
                from c in db.Consultations.AsNoTracking()
                where c.InquiryId == id
                join u in db.Users on c.BookedById equals u.Id into staff
                from u in staff.DefaultIfEmpty()
                select new { c.BookedAt, c.StartUtc, c.Status, Clinician = c.Clinician!.DisplayName, By = u == null ? null : u.DisplayName })
            .ToListAsync(cancellationToken);
        var notes = await (
                from n in db.Notes.AsNoTracking()
                where n.InquiryId == id
                join u in db.Users on n.StaffUserId equals u.Id into staff
                from u in staff.DefaultIfEmpty()
                select new { n.At, n.Text, By = u == null ? null : u.DisplayName })
            .ToListAsync(cancellationToken);

        // Listed in the order things happen within one instant (an attempt, then the stage change it caused,
        // then the email that change queued), so that reversing the list keeps them in order, newest first.
        List<TimelineEntry> entries =
        [
            new(receivedAt, "Inquiry received through the contact form", null),
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
            .. emails.Select(m => new TimelineEntry(
                m.SentAt ?? m.CreatedAt,
                $"Email: {DescribeEmail(m.Kind)} ({DescribeEmail(m.Status)})",
                null)),
            .. consultations.Select(c => new TimelineEntry(
                c.BookedAt,
                $"Consultation booked for {clock.Format(c.StartUtc)} with {c.Clinician}"
                    + (c.Status == ConsultationStatus.Booked ? "" : $" ({ConsultationWords.Describe(c.Status).ToLowerInvariant()})"),
                c.By)),
            .. notes.Select(n => new TimelineEntry(n.At, "Note", n.By, n.Text)),
        ];

        return [.. entries.Select((entry, index) => (entry, index))
            .OrderByDescending(e => e.entry.At)
            .ThenByDescending(e => e.index)
            .Select(e => e.entry)];
    }

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
