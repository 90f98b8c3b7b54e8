namespace SpineDesk.Data.Audit;

/// <summary>
/// One staff view or change of patient data. The table is append-only: the application never updates or
/// deletes a row, and database triggers refuse it.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    /// <summary>What happened, such as "inquiry.view" or "inquiry.stage".</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>A short description of the change, without patient details.</summary>
    public string? Details { get; set; }
}
