using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SpineDesk.Data.Staff;

namespace SpineDesk.BrowserTests.Infrastructure;

/// <summary>A staff account made for one test, with its password and authenticator key.</summary>
public sealed record TestStaff(string Email, string Password, string AuthenticatorKey)
{
    /// <summary>The code an authenticator app would show now (RFC 6238, as any app computes it).</summary>
    public string CurrentCode() => new Totp(Base32Encoding.ToBytes(AuthenticatorKey)).ComputeTotp();
}

public static class StaffAccounts
{
    /// <summary>
    /// Creates an enrolled staff account (password, roles, authenticator key, two-factor on) through the
    /// app's own Identity services, as the invitation and enrolment pages would leave it.
    /// </summary>
    public static async Task<TestStaff> CreateStaffAsync(this SpineDeskServer server, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(server);
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var email = $"staff-{Guid.NewGuid():N}@clinic.test";
        var password = "correct-horse-" + Guid.NewGuid().ToString("N")[..10];
        var user = new StaffUser { UserName = email, Email = email, DisplayName = "Browser " + string.Join('/', roles), EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)));
            }
        }

        if (roles.Length > 0)
        {
            Check(await users.AddToRolesAsync(user, roles));
        }

        Check(await users.ResetAuthenticatorKeyAsync(user));
        var key = await users.GetAuthenticatorKeyAsync(user)
            ?? throw new InvalidOperationException("Identity stored no authenticator key.");
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return new TestStaff(email, password, key);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the test staff account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
