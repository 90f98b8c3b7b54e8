using Microsoft.Extensions.Options;
using SpineDesk.Data;
using SpineDesk.Data.Intake;
using SpineDesk.Data.Outbox;

namespace SpineDesk.Web.Features.Outbox;

/// <summary>
/// Queues an email in the same unit of work as the change it reports: the caller's <c>SaveChangesAsync</c>
/// commits both or neither, and the outbox sender delivers it afterwards.
/// </summary>
public sealed class EmailOutbox(SpineDeskDbContext db, TimeProvider time, IOptions<EmailOptions> options)
{
    public OutboxMessage Enqueue(string kind, string toAddress, string? toName, string subject, string textBody, string? htmlBody = null, Inquiry? inquiry = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var domain = options.Value.FromAddress.Split('@') is [_, var d] ? d : "spinedesk.invalid";
        var message = new OutboxMessage
        {
            CreatedAt = now,
            Kind = kind,
            ToAddress = toAddress,
            ToName = toName,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            MessageId = $"{Guid.NewGuid():N}@{domain}",
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            Inquiry = inquiry,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
