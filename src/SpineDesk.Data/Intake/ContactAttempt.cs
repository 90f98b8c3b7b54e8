namespace SpineDesk.Data.Intake;

/// <summary>One try by a coordinator to reach a person.</summary>
public class ContactAttempt
{
    public int Id { get; set; }

    public int InquiryId { get; set; }

    public Inquiry? Inquiry { get; set; }

    public DateTime At { get; set; }

    public required string StaffUserId { get; set; }

    public ContactChannel Channel { get; set; }

    public ContactOutcome Outcome { get; set; }

    public string? Note { get; set; }

    public DateTime? NextAttemptAt { get; set; }
}

public enum ContactChannel
{
    Phone,
    TextMessage,
    Email,
}

public enum ContactOutcome
{
    Reached,
    NoAnswer,
    LeftVoicemail,
    MessageSent,
    WrongNumber,
    AskedToCallBack,
}
