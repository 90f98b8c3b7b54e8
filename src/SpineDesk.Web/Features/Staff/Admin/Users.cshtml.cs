using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Staff.Invitations;

namespace SpineDesk.Web.Features.Staff.Admin;

public sealed record StaffRow(string Id, string DisplayName, string? Email, IReadOnlyList<string> Roles, bool AuthenticatorEnrolled, bool Locked);

public sealed record PendingInvitationRow(int Id, string Email, string? DisplayName, string Roles, DateTime ExpiresAt);

/// <summary>The clinic's staff accounts and the invitations not yet used.</summary>
[Authorize(Policy = StaffPolicies.Administration)]
public sealed class UsersModel(SpineDeskDbContext db, StaffInvitations invitations, AuditLog audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    public IReadOnlyList<PendingInvitationRow> Pending { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.TwoFactorEnabled,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        // LockoutEnd is compared here: SQLite cannot compare DateTimeOffset values in SQL.
        Staff = users.Select(u => new StaffRow(u.Id, u.DisplayName, u.Email, [.. u.Roles.Order()], u.TwoFactorEnabled, u.LockoutEnd > now)).ToList();

        var utcNow = now.UtcDateTime;
        Pending = await db.StaffInvitations.AsNoTracking()
            .Where(i => i.Email != null && i.AcceptedAt == null && i.ExpiresAt > utcNow)
            .OrderBy(i => i.ExpiresAt)
            .Select(i => new PendingInvitationRow(i.Id, i.Email!, i.DisplayName, i.Roles, i.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var withdrawn = await invitations.WithdrawAsync(i => i.Id == id && i.Email != null, cancellationToken);
        if (withdrawn == 0)
        {
            Status = "That invitation had already been used, had expired or was withdrawn before; nothing was changed.";
            return RedirectToPage();
        }

        audit.Add(StaffAuditActions.InvitationWithdrawn, StaffAuditActions.InvitationEntity, id.ToString(CultureInfo.InvariantCulture), "Withdrawn by an administrator.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Status = "The invitation was withdrawn. Its link no longer works.";
        return RedirectToPage();
    }
}
