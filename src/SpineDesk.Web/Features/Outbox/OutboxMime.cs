using MimeKit;
using SpineDesk.Data.Outbox;

namespace SpineDesk.Web.Features.Outbox;

/// <summary>Turns a queued message into the MIME message that is sent.</summary>
internal static class OutboxMime
{
    public static MimeMessage Compose(OutboxMessage message, EmailOptions options, TimeProvider time)
    {
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            // The stored content type keeps its parameters, such as method=REQUEST for a calendar invitation.
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        var mime = new MimeMessage
        {
            // Fixed when the message was queued: a retry after a crash is recognisably the same message.
            MessageId = message.MessageId,
            Date = time.GetUtcNow(),
            Subject = message.Subject,
            Body = body.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        return mime;
    }
}
