using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Intake;

namespace SpineDesk.Web.Features.Staff.Invitations;

/// <summary>
/// Creating an account from an invitation link: /staff/invitation for staff invited by an administrator and
/// /staff/setup for the first-start setup link (the same page; the invitation itself says which it is).
/// The new account is signed in with its password only, so the authenticator must be enrolled next.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IntakeSetup.PublicFormsPolicy)]
public sealed class AcceptModel(
    SpineDeskDbContext db,
    StaffInvitations invitations,
    SignInManager<StaffUser> signInManager,
    RoleManager<IdentityRole> roles,
    AuditLog audit,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>Setup link only: the first administrator may also work as a coordinator and clinician.</summary>
    [BindProperty]
    public bool AlsoCoordinator { get; set; }

    [BindProperty]
    public bool AlsoClinician { get; set; }

    public StaffInvitation? Invitation { get; private set; }

    public InvitationProblem Problem { get; private set; }

    public bool IsSetup => Invitation?.IsSetupLink() == true;

    public Dictionary<string, string> Errors { get; } = [];

    private UserManager<StaffUser> Users => signInManager.UserManager;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        DisplayName = Invitation!.DisplayName;
        Email = Invitation.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        var invitation = Invitation!;
        Email = invitation.Email ?? Email?.Trim();
        DisplayName = DisplayName?.Trim();
        await ValidateAsync();
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var roleNames = invitation.RoleList().ToList();
        if (IsSetup && AlsoCoordinator)
        {
            roleNames.Add(StaffRoles.Coordinator);
        }

        if (IsSetup && AlsoClinician)
        {
            roleNames.Add(StaffRoles.Clinician);
        }

        // One transaction: the claim on the invitation, the account, its roles and the audit rows. A second
        // submission of the same form waits for the first and then finds the invitation used.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await invitations.ClaimAsync(invitation.Id, cancellationToken))
        {
            Problem = InvitationProblem.Used;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        var user = new StaffUser
        {
            UserName = Email,
            Email = Email,
            DisplayName = DisplayName!,
            EmailConfirmed = invitation.Email is not null,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var created = await Users.CreateAsync(user, Password!);
        if (created.Succeeded)
        {
            await roles.EnsureRolesAsync(roleNames);
            created = await Users.AddToRolesAsync(user, roleNames);
        }

        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            var field = created.Errors.Any(e => e.Code.Contains("Password", StringComparison.Ordinal)) ? "Password" : "Email";
            Errors[field] = string.Join(" ", created.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var invitationId = invitation.Id.ToString(CultureInfo.InvariantCulture);
        await db.StaffInvitations.Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedById, user.Id), cancellationToken);
        audit.Add(StaffAuditActions.InvitationAccepted, StaffAuditActions.InvitationEntity, invitationId, $"Account {user.Id} created.");
        audit.Add(StaffAuditActions.AccountCreated, StaffAuditActions.UserEntity, user.Id, $"From invitation {invitationId}; roles: {string.Join(", ", roleNames)}.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // A password-only session: every staff page sends it to the authenticator enrolment first.
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffPolicies.MfaClaimType, "pwd")]);
        return Redirect("/staff/authenticator");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var lookup = await invitations.FindAsync(Token, cancellationToken);
        Invitation = lookup.Invitation;
        Problem = lookup.Problem;
        if (Problem != InvitationProblem.None)
        {
            Response.StatusCode = Problem == InvitationProblem.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        }

        return Problem == InvitationProblem.None;
    }

    private async Task ValidateAsync()
    {
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            Errors["DisplayName"] = "Enter your name as colleagues know it.";
        }
        else if (DisplayName.Length > 200)
        {
            Errors["DisplayName"] = "Your name must be 200 characters or fewer.";
        }

        if (string.IsNullOrWhiteSpace(Email) || Email.Length > 254 || !InquiryIntake.IsEmailAddress(Email))
        {
            Errors["Email"] = "Enter your work email address, like name@clinic.example. You will sign in with it.";
        }
        else if (await Users.FindByEmailAsync(Email) is not null)
        {
            Errors["Email"] = "An account with this email address already exists. Sign in with it instead, or use another address.";
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors["Password"] = "Choose a password.";
        }
        else
        {
            var candidate = new StaffUser { UserName = Email, Email = Email, DisplayName = DisplayName ?? "" };
            foreach (var validator in Users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(Users, candidate, Password);
                if (!result.Succeeded)
                {
                    Errors["Password"] = string.Join(" ", result.Errors.Select(e => e.Description));
                    break;
                }
            }
        }

        if (!Errors.ContainsKey("Password") && Password != ConfirmPassword)
        {
            Errors["ConfirmPassword"] = "The two passwords are not the same. Type the password again in both boxes.";
        }
    }
}
