using Microsoft.AspNetCore.Identity;
using SpineDesk.Data;
using SpineDesk.Data.Staff;

namespace SpineDesk.Web.Features.Staff.Invitations;

/// <summary>
/// The way in for the first administrator: no default password, but a single-use link that only someone who
/// can read the server's console receives. Each start replaces the previous link, so only the newest works.
/// Issuing the link is not audited (no one is signed in, and every start would add a row); using it is.
/// </summary>
public sealed class FirstAdministratorSetup(SpineDeskDbContext db, StaffInvitations invitations, RoleManager<IdentityRole> roles)
{
    /// <summary>
    /// Withdraws unused setup links and, when no account holds the Administrator role, creates a new one.
    /// Returns the link, or null when the clinic already has an administrator.
    /// </summary>
    public async Task<string?> CreateLinkAsync(string baseUrl, CancellationToken cancellationToken = default)
    {
        await roles.EnsureRolesAsync();
        await invitations.WithdrawAsync(i => i.Email == null, cancellationToken);
        if (await invitations.AdministratorExistsAsync(cancellationToken))
        {
            return null;
        }

        var (_, token) = invitations.Add(null, null, [StaffRoles.Administrator], StaffInvitations.SetupLinkLifetime, createdById: null);
        await db.SaveChangesAsync(cancellationToken);
        return InvitationTokens.Link(baseUrl, isSetup: true, token);
    }
}
