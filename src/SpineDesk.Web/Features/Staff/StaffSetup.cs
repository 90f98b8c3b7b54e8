using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpineDesk.Data;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Staff.Invitations;

namespace SpineDesk.Web.Features.Staff;

public static class StaffSetup
{
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services)
    {
        services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SpineDeskDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "SpineDesk.Staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/staff/sign-in";
            cookie.LogoutPath = "/staff/sign-out";
            cookie.AccessDeniedPath = "/staff/access-denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                // Signed in with a password only: finish enrolling the authenticator first.
                var user = context.HttpContext.User;
                var location = user.Identity?.IsAuthenticated == true && !user.HasClaim(StaffPolicies.MfaClaimType, StaffPolicies.MfaClaimValue)
                    ? "/staff/authenticator"
                    : context.RedirectUri;
                if (IsPageRequest(context.Request))
                {
                    context.Response.Redirect(location);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }

                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToLogin = context =>
            {
                if (IsPageRequest(context.Request))
                {
                    context.Response.Redirect(context.RedirectUri);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }

                return Task.CompletedTask;
            };
        });

        // Every staff request re-reads the account (one indexed lookup), so a lock, a role change or an
        // authenticator reset takes effect at the person's next request instead of when the cookie expires.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            options.OnRefreshingPrincipal = KeepAuthenticationMethod;
        });

        services.AddAuthorization(StaffPolicies.Configure);

        services.AddScoped<StaffInvitations>();
        services.AddScoped<FirstAdministratorSetup>();
        services.AddHostedService<SetupLinkAnnouncer>();
        // The setup link and staff invitations share one page; the invitation itself says which it is.
        services.Configure<RazorPagesOptions>(options => options.Conventions.AddPageRoute("/Staff/Invitations/Accept", "staff/setup"));
        return services;
    }

    /// <summary>
    /// A refreshed sign-in is rebuilt from the database, which does not know how the person signed in; carry
    /// over the "amr" claim, or a session completed with the authenticator would drop back to password-only.
    /// </summary>
    private static Task KeepAuthenticationMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.FindAll(StaffPolicies.MfaClaimType))
            {
                if (!identity.HasClaim(claim.Type, claim.Value))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>JSON and API callers get status codes; people in a browser get redirected to a page.</summary>
    private static bool IsPageRequest(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
