using Microsoft.AspNetCore.Authorization;
using SpineDesk.Data.Staff;

namespace SpineDesk.Web.Features.Staff;

/// <summary>
/// Who may do what. Every staff policy requires a sign-in completed with the authenticator (the "amr" claim
/// is "mfa"); the fallback policy applies <see cref="Staff"/> to any endpoint that names no policy, so a new
/// endpoint is closed until someone opens it on purpose.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any staff member signed in with two factors.</summary>
    public const string Staff = "staff";

    /// <summary>Coordinators and clinicians: the people who work with identifiable patient data.</summary>
    public const string Coordination = "coordination";

    /// <summary>Administrators: staff accounts and roles.</summary>
    public const string Administration = "administration";

    /// <summary>Signed in with a password but still enrolling the authenticator.</summary>
    public const string Enrolling = "enrolling";

    public const string MfaClaimType = "amr";
    public const string MfaClaimValue = "mfa";

    public static void Configure(AuthorizationOptions options)
    {
        var staff = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(MfaClaimType, MfaClaimValue)
            .Build();
        options.AddPolicy(Staff, staff);
        options.FallbackPolicy = staff;
        options.AddPolicy(Coordination, p => p.Combine(staff).RequireRole(StaffRoles.Coordinator, StaffRoles.Clinician));
        options.AddPolicy(Administration, p => p.Combine(staff).RequireRole(StaffRoles.Administrator));
        options.AddPolicy(Enrolling, p => p.RequireAuthenticatedUser());
    }
}
