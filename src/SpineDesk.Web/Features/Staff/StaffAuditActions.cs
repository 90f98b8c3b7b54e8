namespace SpineDesk.Web.Features.Staff;

/// <summary>What the audit log records about staff accounts and invitations.</summary>
public static class StaffAuditActions
{
    public const string UserEntity = "StaffUser";
    public const string InvitationEntity = "StaffInvitation";

    public const string InvitationCreated = "staffinvitation.create";
    public const string InvitationWithdrawn = "staffinvitation.revoke";
    public const string InvitationAccepted = "staffinvitation.accept";
    public const string AccountCreated = "staffuser.create";
    public const string RolesChanged = "staffuser.roles";
    public const string Locked = "staffuser.lock";
    public const string Unlocked = "staffuser.unlock";
    public const string AuthenticatorReset = "staffuser.reset-authenticator";
}
