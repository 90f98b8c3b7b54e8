using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpineDesk.Data;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Audit;
using SpineDesk.Web.Features.Clinic;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Features.Outbox;
using SpineDesk.Web.Features.Queue;
using SpineDesk.Web.Features.Staff.Invitations;

namespace SpineDesk.Web.Features.Staff.Admin;

/// <summary>
/// Inviting a staff member: an invitation valid for a week, sent by email through the outbox in the same
/// transaction, so there is never an invitation without its email or an email without its invitation.
/// </summary>
[Authorize(Policy = StaffPolicies.Administration)]
public sealed class InviteModel(
    SpineDeskDbContext db,
    StaffInvitations invitations,
    EmailOutbox outbox,
    UserManager<StaffUser> users,
    AuditLog audit,
    IOptions<ClinicOptions> clinic,
    ClinicClock clock) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = Email?.Trim();
        DisplayName = DisplayName?.Trim();
        await ValidateAsync();
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var roles = StaffRoles.All.Where(Roles.Contains).ToList();
        var me = await users.GetUserAsync(User);
        // An invitation to the same address replaces any earlier one still open, so only the newest link works.
        var earlier = (await db.StaffInvitations.AsNoTracking()
                .Where(i => i.Email != null && i.AcceptedAt == null)
                .Select(i => new { i.Id, i.Email })
                .ToListAsync(cancellationToken))
            .Where(i => string.Equals(i.Email, Email, StringComparison.OrdinalIgnoreCase))
            .Select(i => i.Id)
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var replaced = earlier.Count == 0 ? 0 : await invitations.WithdrawAsync(i => earlier.Contains(i.Id), cancellationToken);
        var (invitation, token) = invitations.Add(Email, DisplayName, roles, StaffInvitations.StaffLinkLifetime, me?.Id);
        await db.SaveChangesAsync(cancellationToken);

        var link = InvitationTokens.Link(InvitationTokens.BaseUrl(Request, clinic.Value.PublicBaseUrl), isSetup: false, token);
        var (subject, text) = InvitationEmail.Compose(DisplayName, roles, link, invitation.ExpiresAt, me?.DisplayName ?? "An administrator", clinic.Value, clock);
        outbox.Enqueue(InvitationEmail.Kind, Email!, DisplayName, subject, text);
        audit.Add(
            StaffAuditActions.InvitationCreated,
            StaffAuditActions.InvitationEntity,
            invitation.Id.ToString(CultureInfo.InvariantCulture),
            $"Invited {Email} as {string.Join(", ", roles)}." + (replaced > 0 ? " Replaces the earlier open invitation." : ""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Status"] = $"An invitation was sent to {Email}. The link works once and expires in {StaffInvitations.StaffLinkLifetime.Days} days.";
        return Redirect("/staff/admin/users");
    }

    private async Task ValidateAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || Email.Length > 254 || !InquiryIntake.IsEmailAddress(Email))
        {
            Errors["Email"] = "Enter the person's work email address, like name@clinic.example.";
        }
        else if (await users.FindByEmailAsync(Email) is not null)
        {
            Errors["Email"] = "A staff account with this email address already exists. Change its roles from the staff list instead.";
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            Errors["DisplayName"] = "Enter the person's name; the invitation greets them with it.";
        }
        else if (DisplayName.Length > 200)
        {
            Errors["DisplayName"] = "The name must be 200 characters or fewer.";
        }

        if (!Roles.Any(StaffRoles.All.Contains))
        {
            Errors["Roles"] = "Choose at least one role.";
        }
    }
}
