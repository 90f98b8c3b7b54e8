using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpineDesk.Data;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Audit;

namespace SpineDesk.Web.Features.Staff.Admin;

/// <summary>
/// One staff account: roles, locking, and resetting the authenticator, each audited in the same transaction.
/// Sessions are re-read from the database at every request, so new roles apply at the person's next request;
/// locking and resetting also change the security stamp, which ends their open sessions.
/// </summary>
[Authorize(Policy = StaffPolicies.Administration)]
public sealed class StaffMemberModel(
    SpineDeskDbContext db,
    SignInManager<StaffUser> signInManager,
    RoleManager<IdentityRole> roleManager,
    AuditLog audit,
    TimeProvider time) : PageModel
{
    public StaffUser Member { get; private set; } = null!;

    private UserManager<StaffUser> Users => signInManager.UserManager;

    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];

    /// <summary>The roles ticked in the form; the page always shows <see cref="CurrentRoles"/>.</summary>
    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public bool IsSelf => Member.Id == Users.GetUserId(User);

    public bool IsLocked => Member.LockoutEnd > time.GetUtcNow();

    /// <summary>Locked by an administrator rather than for a while after wrong passwords.</summary>
    public bool IsLockedByAdministrator => Member.LockoutEnd == DateTimeOffset.MaxValue;

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var wanted = StaffRoles.All.Where(Roles.Contains).ToList();
        if (IsSelf && !wanted.Contains(StaffRoles.Administrator))
        {
            return Refuse("You cannot remove your own Administrator role. Another administrator can, so the clinic always keeps one.");
        }

        var add = wanted.Except(CurrentRoles).ToList();
        var remove = CurrentRoles.Intersect(StaffRoles.All).Except(wanted).ToList();
        if (add.Count == 0 && remove.Count == 0)
        {
            Status = "The roles were not changed.";
            return RedirectToPage(new { id });
        }

        await roleManager.EnsureRolesAsync(add);
        var details = $"Roles: {Describe(CurrentRoles)} → {Describe(wanted)}.";
        return await ChangeAsync(
            StaffAuditActions.RolesChanged,
            details,
            $"{Member.DisplayName}'s roles are now: {Describe(wanted)}.",
            cancellationToken,
            () => remove.Count > 0 ? Users.RemoveFromRolesAsync(Member, remove) : Task.FromResult(IdentityResult.Success),
            () => add.Count > 0 ? Users.AddToRolesAsync(Member, add) : Task.FromResult(IdentityResult.Success));
    }

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (IsSelf)
        {
            return Refuse("You cannot lock your own account: you would be locked out. Another administrator can.");
        }

        return await ChangeAsync(
            StaffAuditActions.Locked,
            "Locked by an administrator.",
            $"{Member.DisplayName}'s account is locked. They are signed out and cannot sign in until it is unlocked.",
            cancellationToken,
            () => Users.SetLockoutEnabledAsync(Member, true),
            () => Users.SetLockoutEndDateAsync(Member, DateTimeOffset.MaxValue),
            () => Users.UpdateSecurityStampAsync(Member));
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return await ChangeAsync(
            StaffAuditActions.Unlocked,
            "Unlocked by an administrator.",
            $"{Member.DisplayName}'s account is unlocked.",
            cancellationToken,
            () => Users.SetLockoutEndDateAsync(Member, null),
            () => Users.ResetAccessFailedCountAsync(Member));
    }

    public async Task<IActionResult> OnPostResetAuthenticatorAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return await ChangeAsync(
            StaffAuditActions.AuthenticatorReset,
            "Authenticator reset by an administrator; enrolment required at next sign-in.",
            $"{Member.DisplayName}'s authenticator was reset. At their next sign-in they set up a new one after their password.",
            cancellationToken,
            () => Users.SetTwoFactorEnabledAsync(Member, false),
            () => Users.ResetAuthenticatorKeyAsync(Member)); // also a new security stamp
    }

    private async Task<bool> LoadAsync(string id)
    {
        var member = await Users.FindByIdAsync(id);
        if (member is null)
        {
            return false;
        }

        Member = member;
        CurrentRoles = [.. (await Users.GetRolesAsync(member)).Order()];
        return true;
    }

    /// <summary>Applies the steps and the audit row in one transaction, or none of them.</summary>
    private async Task<IActionResult> ChangeAsync(string action, string details, string done, CancellationToken cancellationToken, params Func<Task<IdentityResult>>[] steps)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Add(action, StaffAuditActions.UserEntity, Member.Id, details);
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                var concurrent = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));
                await LoadAsync(Member.Id);
                return Refuse(
                    concurrent
                        ? "Someone else changed this account at the same moment. Nothing was saved; check it below and try again."
                        : "The change could not be saved: " + string.Join(" ", result.Errors.Select(e => e.Description)),
                    StatusCodes.Status409Conflict);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        Status = done;
        if (IsSelf && action == StaffAuditActions.AuthenticatorReset)
        {
            // Their own authenticator: this session ends, and the next sign-in enrols the new one.
            await signInManager.SignOutAsync();
            return Redirect("/staff/sign-in");
        }

        return RedirectToPage(new { id = Member.Id });
    }

    private PageResult Refuse(string message, int status = StatusCodes.Status400BadRequest)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private static string Describe(IEnumerable<string> roles) => roles.Any() ? string.Join(", ", roles) : "none";
}
