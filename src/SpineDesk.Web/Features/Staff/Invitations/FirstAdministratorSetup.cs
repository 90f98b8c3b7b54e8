using Microsoft.AspNetCore.Identity;
using SpineDesk.Data;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Audit;

namespace SpineDesk.Web.Features.Staff.Invitations;

/// <summary>
/// The way in for the first administrator: no default password, but a single-use link that only someone who
/// can read the server's console receives. Each start replaces the previous link, so only the newest works.
/// </summary>
public sealed class FirstAdministratorSetup(
    SpineDeskDbContext db,
    StaffInvitations invitations,
    RoleManager<IdentityRole> roles,
    AuditLog audit)
{
    /// <summary>
    /// Withdraws unused setup links and, when no account holds the Administrator role, creates a new one.
    /// Returns the link, or null when the clinic already has an administrator.
    /// </summary>
    public async Task<string?> CreateLinkAsync(string baseUrl, CancellationToken cancellationToken = default)
    {
        await roles.EnsureRolesAsync();
        var withdrawn = await invitations.WithdrawAsync(i => i.Email == null, cancellationToken);
        if (await invitations.AdministratorExistsAsync(cancellationToken))
        {
            return null;
        }

        // The audit row names the invitation's id, known after the first save; one transaction holds both.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (invitation, token) = invitations.Add(null, null, [StaffRoles.Administrator], StaffInvitations.SetupLinkLifetime, createdById: null);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(
            StaffAuditActions.SetupLinkCreated,
            StaffAuditActions.InvitationEntity,
            invitation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            withdrawn > 0 ? "First-start setup link; the earlier unused link no longer works." : "First-start setup link.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return InvitationTokens.Link(baseUrl, isSetup: true, token);
    }
}
