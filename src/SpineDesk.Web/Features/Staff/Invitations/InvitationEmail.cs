using System.Text;
using SpineDesk.Web.Features.Clinic;
using SpineDesk.Web.Features.Queue;

namespace SpineDesk.Web.Features.Staff.Invitations;

/// <summary>The email that brings a new staff member to their invitation link.</summary>
public static class InvitationEmail
{
    public const string Kind = "staff-invitation";

    public static (string Subject, string Text) Compose(
        string? displayName, IReadOnlyList<string> roles, string link, DateTime expiresAtUtc, string invitedBy, ClinicOptions clinic, ClinicClock clock)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(clock);
        var expires = clock.Format(expiresAtUtc, "dddd d MMMM yyyy 'at' HH:mm");
        var zoneName = clock.ZoneName;
        var text = new StringBuilder();
        text.AppendLine(string.IsNullOrWhiteSpace(displayName) ? "Hello," : FormattableString.Invariant($"Dear {displayName},"));
        text.AppendLine();
        text.AppendLine(FormattableString.Invariant($"{invitedBy} has invited you to the staff console of {clinic.Name} as {string.Join(" and ", roles)}."));
        text.AppendLine();
        text.AppendLine("Open this link to create your account:");
        text.AppendLine(link);
        text.AppendLine();
        text.AppendLine(FormattableString.Invariant($"The link works once and expires on {expires} ({zoneName} time)."));
        text.AppendLine("You will choose a password and then set up an authenticator app (a code on your phone or in your password manager) before you can see any patient information.");
        text.AppendLine();
        text.AppendLine("If you did not expect this email, you can ignore it: no account is created unless the link is used.");
        text.AppendLine();
        text.AppendLine(clinic.Name);
        return (FormattableString.Invariant($"{clinic.Name}: your invitation to the staff console"), text.ToString());
    }
}
