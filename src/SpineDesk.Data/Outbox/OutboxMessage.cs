namespace SpineDesk.Data.Outbox;

/// <summary>An email waiting to be sent, or sent. Written in the same transaction as the change it reports.</summary>
public class OutboxMessage
{
    public long Id { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>What the message is for, such as "inquiry-confirmation".</summary>
    public required string Kind { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public string? HtmlBody { get; set; }

    /// <summary>The RFC 5322 Message-ID, fixed when queued so that a retried send is recognisably the same message.</summary>
    public required string MessageId { get; set; }

    public OutboxStatus Status { get; set; }

    public int AttemptCount { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>While set and in the future, one sender owns the message.</summary>
    public DateTime? LeasedUntil { get; set; }

    public Guid? LeaseToken { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    public int? InquiryId { get; set; }

    public Intake.Inquiry? Inquiry { get; set; }

    public List<OutboxAttempt> Attempts { get; set; } = [];

    public List<OutboxAttachment> Attachments { get; set; } = [];
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>One try at sending an outbox message.</summary>
public class OutboxAttempt
{
    public long Id { get; set; }

    public long OutboxMessageId { get; set; }

    public DateTime At { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>"smtp" or "pickup".</summary>
    public required string Transport { get; set; }

    public string? Error { get; set; }
}

/// <summary>A file sent with an outbox message, such as a calendar invitation.</summary>
public class OutboxAttachment
{
    public long Id { get; set; }

    public long OutboxMessageId { get; set; }

    public required string FileName { get; set; }

    /// <summary>The full MIME type with parameters, such as <c>text/calendar; method=REQUEST; charset=utf-8</c>.</summary>
    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}
