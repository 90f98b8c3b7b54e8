using Microsoft.AspNetCore.Identity;
using SpineDesk.Data;
using SpineDesk.Data.Staff;

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

        services.AddAuthorization(StaffPolicies.Configure);
        return services;
    }

    /// <summary>JSON and API callers get status codes; people in a browser get redirected to a page.</summary>
    private static bool IsPageRequest(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
