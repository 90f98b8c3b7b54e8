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

/// <summary>
/// Queues the emails about a consultation through the outbox, in the caller's unit of work. Confirmation,
/// update and cancellation carry the calendar invitation; the reminder does not change the calendar.
/// Nothing clinical is written: only when, where and how to reach the clinic.
/// </summary>
public sealed class ConsultationMail(EmailOutbox outbox, IOptions<ClinicOptions> clinic, IOptions<EmailOptions> email, ClinicClock clock)
{
    private static readonly CultureInfo Words = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Queues the email; false when the person gave no email address (nothing is queued).</summary>
    public bool Enqueue(ConsultationMailKind kind, Consultation consultation, Inquiry inquiry, string clinicianName)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ArgumentNullException.ThrowIfNull(inquiry);
        if (string.IsNullOrWhiteSpace(inquiry.Email))
        {
            return false;
        }

        var c = clinic.Value;
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
            var method = kind == ConsultationMailKind.Cancellation ? Ical.Net.CalendarMethods.Cancel : Ical.Net.CalendarMethods.Request;
            var parties = new InvitationParties(c.Name, email.Value.FromAddress, inquiry.Name, inquiry.Email, clinicianName, clock.ZoneName);
            message.Attachments.Add(new OutboxAttachment
            {
                FileName = ConsultationInvitation.FileName,
                ContentType = ConsultationInvitation.ContentType(method),
                Content = ConsultationInvitation.Build(consultation, parties, method, clock.UtcNow),
            });
        }

        return true;
    }
}
