namespace SpineDesk.Data.Staff;

/// <summary>
/// A single-use link that lets a person create a staff account with the given roles. The first-start setup
/// link is an invitation for an administrator with no email address. Only a hash of the token is stored.
/// </summary>
public class StaffInvitation
{
    public int Id { get; set; }

    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>Comma-separated role names from <see cref="StaffRoles"/>.</summary>
    public required string Roles { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public string? CreatedById { get; set; }

    public string? AcceptedById { get; set; }
}
