using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Staff;

namespace SpineDesk.Web.Features.Staff.Invitations;

/// <summary>Why an invitation link cannot be used.</summary>
public enum InvitationProblem
{
    None,
    Unknown,

    /// <summary>Past its expiry, or withdrawn (withdrawing sets the expiry to the moment of withdrawal).</summary>
    Expired,
    Used,

    /// <summary>A setup link, but the clinic already has an administrator.</summary>
    AdministratorExists,
}

public sealed record InvitationLookup(StaffInvitation? Invitation, InvitationProblem Problem);

/// <summary>
/// Creating, finding and withdrawing invitations. The first-start setup link is an invitation for an
/// administrator without an email address.
/// </summary>
public sealed class StaffInvitations(SpineDeskDbContext db, TimeProvider time)
{
    public static readonly TimeSpan StaffLinkLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan SetupLinkLifetime = TimeSpan.FromHours(24);

    /// <summary>Adds an invitation to the context (saved by the caller) and returns it with its token.</summary>
    public (StaffInvitation Invitation, string Token) Add(string? email, string? displayName, IEnumerable<string> roles, TimeSpan lifetime, string? createdById)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = InvitationTokens.New();
        var invitation = new StaffInvitation
        {
            Email = email,
            DisplayName = displayName,
            Roles = string.Join(',', roles.Distinct()),
            TokenHash = InvitationTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            CreatedById = createdById,
        };
        db.StaffInvitations.Add(invitation);
        return (invitation, token);
    }

    public async Task<InvitationLookup> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return new(null, InvitationProblem.Unknown);
        }

        var hash = InvitationTokens.Hash(token.Trim());
        var invitation = await db.StaffInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return new(null, InvitationProblem.Unknown);
        }

        if (invitation.AcceptedAt is not null)
        {
            return new(invitation, InvitationProblem.Used);
        }

        if (invitation.ExpiresAt <= time.GetUtcNow().UtcDateTime)
        {
            return new(invitation, InvitationProblem.Expired);
        }

        if (invitation.IsSetupLink() && await AdministratorExistsAsync(cancellationToken))
        {
            return new(invitation, InvitationProblem.AdministratorExists);
        }

        return new(invitation, InvitationProblem.None);
    }

    /// <summary>
    /// Marks the invitation accepted if nobody has yet, in one conditional update: of two submissions of the
    /// same form, exactly one wins. Returns false for the loser or an expired invitation.
    /// </summary>
    public async Task<bool> ClaimAsync(int invitationId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.StaffInvitations
            .Where(i => i.Id == invitationId && i.AcceptedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Withdraws unused invitations matching <paramref name="which"/>: their expiry becomes now.</summary>
    public async Task<int> WithdrawAsync(System.Linq.Expressions.Expression<Func<StaffInvitation, bool>> which, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.StaffInvitations
            .Where(which)
            .Where(i => i.AcceptedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, now), cancellationToken);
    }

    public Task<bool> AdministratorExistsAsync(CancellationToken cancellationToken = default) =>
        db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == NormalizedAdministrator), cancellationToken);

    private static readonly string NormalizedAdministrator = StaffRoles.Administrator.ToUpperInvariant();
}

public static class StaffInvitationExtensions
{
    /// <summary>The first-start setup link is the only invitation without an email address.</summary>
    public static bool IsSetupLink(this StaffInvitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return invitation.Email is null;
    }

    public static IReadOnlyList<string> RoleList(this StaffInvitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return invitation.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
