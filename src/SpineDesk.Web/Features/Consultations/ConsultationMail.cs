using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SpineDesk.Data.Consultations;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Outbox;
using SpineDesk.Web.Features.Clinic;
using SpineDesk.Web.Features.Outbox;
using SpineDesk.Web.Features.Queue;

namespace SpineDesk.Web.Features.Consultations;

/// <summary>What an email about a consultation is for.</summary>
public enum ConsultationMailKind
{
    Confirmation,
    Update,
    Cancellation,
    Reminder,
}

/// <summary>A clinician as the emails about a consultation name and reach them.</summary>
public sealed record ClinicianContact(string Name, string? Email);

/// <summary>
/// Queues the emails about a consultation through the outbox, in the caller's unit of work. Confirmation,
/// update and cancellation carry the calendar invitation, which names the clinic as organizer and the
/// person and the clinician as attendees; both receive it (the clinician's copy is a staff email, not part
/// of the person's history). The reminder goes to the person only and does not change the calendar.
/// Nothing clinical is written: only when, where and how to reach the clinic.
/// </summary>
public sealed class ConsultationMail(EmailOutbox outbox, IOptions<ClinicOptions> clinic, IOptions<EmailOptions> email, ClinicClock clock)
{
    /// <summary>The outbox kind of a clinician's copy, e.g. "clinician-consultation-update".</summary>
    public const string ClinicianKindPrefix = "clinician-consultation-";

    private static readonly CultureInfo Words = CultureInfo.GetCultureInfo("en-US");

    /// <summary>
    /// Queues the person's email and, for a calendar change, the clinician's; false when the person gave no
    /// email address (nothing is queued for them).
    /// </summary>
    public bool Enqueue(ConsultationMailKind kind, Consultation consultation, Inquiry inquiry, ClinicianContact clinician)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ArgumentNullException.ThrowIfNull(inquiry);
        ArgumentNullException.ThrowIfNull(clinician);
        if (kind != ConsultationMailKind.Reminder)
        {
            EnqueueForClinician(kind, consultation, inquiry, clinician, Parties(inquiry, clinician));
        }

        if (string.IsNullOrWhiteSpace(inquiry.Email))
        {
            return false;
        }

        var c = clinic.Value;
        var clinicianName = clinician.Name;
        var when = clock.Format(consultation.StartUtc);
        var where = consultation.Mode == ConsultationMode.Video ? "by video call; we will send you the link before the consultation" : $"at {consultation.Location}";
        var (subject, opening) = kind switch
        {
            ConsultationMailKind.Confirmation => ($"{c.Name}: your consultation on {when}", $"Your consultation with {clinicianName} is booked for {when} ({clock.ZoneName} time), {where}."),
            ConsultationMailKind.Update => ($"{c.Name}: your consultation has moved to {when}", $"Your consultation with {clinicianName} has moved. It is now on {when} ({clock.ZoneName} time), {where}."),
            ConsultationMailKind.Cancellation => ($"{c.Name}: your consultation on {when} is cancelled", $"Your consultation with {clinicianName} on {when} is cancelled. A care coordinator will contact you to arrange another time."),
            _ => ($"{c.Name}: reminder of your consultation tomorrow", $"This is a reminder of your consultation with {clinicianName} on {when} ({clock.ZoneName} time), {where}."),
        };
        var text = new StringBuilder();
        text.AppendLine(string.Create(Words, $"Dear {inquiry.Name},"));
        text.AppendLine();
        text.AppendLine(opening);
        text.AppendLine();
        if (kind != ConsultationMailKind.Cancellation)
        {
            text.AppendLine(string.Create(Words, $"If you cannot come, please call us on {c.Phone} so that we can offer the time to someone else."));
        }
        else
        {
            text.AppendLine(string.Create(Words, $"If you have questions, call us on {c.Phone}."));
        }

        text.AppendLine(string.Create(Words, $"Your reference number is {inquiry.ReferenceNumber}."));
        text.AppendLine();
        text.AppendLine(c.Name);

        var message = outbox.Enqueue($"consultation-{kind.ToString().ToLowerInvariant()}", inquiry.Email, inquiry.Name, subject, text.ToString(), inquiry: inquiry);
        if (kind != ConsultationMailKind.Reminder)
        {
            Attach(message, kind, consultation, Parties(inquiry, clinician));
        }

        return true;
    }

    /// <summary>
    /// Tells a clinician that a consultation moved to another clinician: a cancellation of the event for them
    /// alone (same UID, the raised SEQUENCE), while the consultation still holds its old time and place.
    /// </summary>
    public void EnqueueTakenOff(Consultation consultation, Inquiry inquiry, ClinicianContact clinician)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ArgumentNullException.ThrowIfNull(inquiry);
        ArgumentNullException.ThrowIfNull(clinician);
        var parties = Parties(inquiry, clinician) with { PatientAddress = null };
        EnqueueForClinician(ConsultationMailKind.Cancellation, consultation, inquiry, clinician, parties, movedAway: true);
    }

    private void EnqueueForClinician(ConsultationMailKind kind, Consultation consultation, Inquiry inquiry, ClinicianContact clinician, InvitationParties parties, bool movedAway = false)
    {
        if (string.IsNullOrWhiteSpace(clinician.Email))
        {
            return;
        }

        var c = clinic.Value;
        var when = clock.Format(consultation.StartUtc);
        var how = consultation.Mode == ConsultationMode.Video ? "by video call" : $"in person at {consultation.Location}";
        var who = $"{inquiry.Name} (reference {inquiry.ReferenceNumber})";
        var (subject, opening) = kind switch
        {
            ConsultationMailKind.Confirmation => ($"Consultation booked: {when}", $"A consultation with {who} is booked for you on {when} ({clock.ZoneName} time), {how}."),
            ConsultationMailKind.Update => ($"Consultation moved: now {when}", $"Your consultation with {who} is now on {when} ({clock.ZoneName} time), {how}."),
            _ when movedAway => ($"Consultation moved to another clinician: {when}", $"Your consultation with {who} on {when} has moved to another clinician. It is no longer in your calendar."),
            _ => ($"Consultation cancelled: {when}", $"Your consultation with {who} on {when} is cancelled."),
        };
        var text = new StringBuilder();
        text.AppendLine(string.Create(Words, $"Dear {clinician.Name},"));
        text.AppendLine();
        text.AppendLine(opening);
        text.AppendLine("The calendar invitation is attached. The care coordinators keep the details in SpineDesk.");
        text.AppendLine();
        text.AppendLine(c.Name);
        var message = outbox.Enqueue(ClinicianKindPrefix + kind.ToString().ToLowerInvariant(), clinician.Email, clinician.Name, subject, text.ToString());
        Attach(message, kind, consultation, parties);
    }

    private InvitationParties Parties(Inquiry inquiry, ClinicianContact clinician) =>
        new(clinic.Value.Name, email.Value.FromAddress, inquiry.Name, inquiry.Email, clinician.Name, clinician.Email, clock.ZoneName);

    private void Attach(OutboxMessage message, ConsultationMailKind kind, Consultation consultation, InvitationParties parties)
    {
        var method = kind == ConsultationMailKind.Cancellation ? Ical.Net.CalendarMethods.Cancel : Ical.Net.CalendarMethods.Request;
        message.Attachments.Add(new OutboxAttachment
        {
            FileName = ConsultationInvitation.FileName,
            ContentType = ConsultationInvitation.ContentType(method),
            Content = ConsultationInvitation.Build(consultation, parties, method, clock.UtcNow),
        });
    }
}
