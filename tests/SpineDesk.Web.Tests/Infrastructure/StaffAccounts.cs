using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SpineDesk.Data.Staff;

namespace SpineDesk.Web.Tests.Infrastructure;

/// <summary>A staff account made for a test, with its password and authenticator key.</summary>
public sealed record TestStaff(string Id, string Email, string Password, string AuthenticatorKey, IReadOnlyList<string> Roles)
{
    /// <summary>The code an authenticator app would show now (RFC 6238, as any app computes it).</summary>
    public string CurrentCode() => new Totp(Base32Encoding.ToBytes(AuthenticatorKey)).ComputeTotp();
}

public static class StaffAccounts
{
    /// <summary>Creates an enrolled staff account directly in the app's store.</summary>
    public static async Task<TestStaff> CreateAsync(this SpineDeskApp app, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var roleStore = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var email = $"staff-{Guid.NewGuid():N}@clinic.test";
        var password = "correct-horse-" + Guid.NewGuid().ToString("N")[..10];
        var user = new StaffUser { UserName = email, Email = email, DisplayName = "Test " + string.Join('/', roles), EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        foreach (var role in roles)
        {
            if (!await roleStore.RoleExistsAsync(role))
            {
                Check(await roleStore.CreateAsync(new IdentityRole(role)));
            }
        }

        if (roles.Length > 0)
        {
            Check(await users.AddToRolesAsync(user, roles));
        }

        Check(await users.ResetAuthenticatorKeyAsync(user));
        var key = await users.GetAuthenticatorKeyAsync(user);
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return new TestStaff(user.Id, email, password, key!, roles);
    }

    /// <summary>Signs in through the real pages: password, then the authenticator code.</summary>
    public static async Task SignInAsync(this HttpClient client, TestStaff staff)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(staff);
        var password = await client.SubmitFormAsync("/staff/sign-in", [("Email", staff.Email), ("Password", staff.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/staff/sign-in/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var code = await client.SubmitFormAsync(password.Headers.Location!.OriginalString, [("Code", staff.CurrentCode())]);
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
    }

    /// <summary>A client signed in as a new staff member with the given roles.</summary>
    public static async Task<(HttpClient Client, TestStaff Staff)> SignedInAsync(this SpineDeskApp app, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(app);
        var staff = await app.CreateAsync(roles);
        var client = app.CreateBrowser();
        await client.SignInAsync(staff);
        return (client, staff);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
