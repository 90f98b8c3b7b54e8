using Microsoft.AspNetCore.Identity;
using SpineDesk.Data.Staff;

namespace SpineDesk.Web.Features.Demo;

/// <summary>
/// <c>dotnet SpineDesk.Web.dll add-staff --email E --name N --role R</c>, with the password in
/// <c>SPINEDESK_STAFF_PASSWORD</c> and the authenticator key (base32) in <c>SPINEDESK_STAFF_AUTHENTICATOR_KEY</c>:
/// creates an enrolled staff account (password and TOTP set up) and exits. For load tests, which sign in through
/// the real pages, and for operators scripting an account; the secrets come from the environment so that they
/// are neither in the repository nor in the process list.
/// </summary>
public static class AddStaffCommand
{
    public const string Name = "add-staff";

    public const string PasswordVariable = "SPINEDESK_STAFF_PASSWORD";

    public const string KeyVariable = "SPINEDESK_STAFF_AUTHENTICATOR_KEY";

    public const string Usage = $"""
        Usage: {PasswordVariable}=… {KeyVariable}=… dotnet SpineDesk.Web.dll add-staff --email E --name N --role R

        Creates a staff account that can sign in with the password and the authenticator key given in the
        environment (the key is base32, as authenticator apps take it), with one role: {StaffRoles.Coordinator},
        {StaffRoles.Clinician} or {StaffRoles.Administrator}. Refuses an email address that already has an account.
        """;

    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var values = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Count; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        var key = Environment.GetEnvironmentVariable(KeyVariable)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (args.Count != 7 || !values.TryGetValue("--email", out var email) || !values.TryGetValue("--name", out var name)
            || !values.TryGetValue("--role", out var role) || string.IsNullOrEmpty(password) || string.IsNullOrEmpty(key))
        {
            await error.WriteLineAsync(Usage);
            return DemoCommand.ExitUsage;
        }

        if (role is not (StaffRoles.Coordinator or StaffRoles.Clinician or StaffRoles.Administrator))
        {
            await error.WriteLineAsync($"{Name}: '{role}' is not a role. {Usage}");
            return DemoCommand.ExitUsage;
        }

        if (key.Length < 16 || key.Any(c => c is not (>= 'A' and <= 'Z' or >= '2' and <= '7')))
        {
            await error.WriteLineAsync($"{Name}: {KeyVariable} must be at least 16 base32 characters (A-Z, 2-7).");
            return DemoCommand.ExitUsage;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await error.WriteLineAsync($"{Name}: {email} already has an account.");
            return DemoCommand.ExitRefused;
        }

        var user = new StaffUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true, CreatedAt = time.GetUtcNow().UtcDateTime };
        var problems = new List<string>();
        if (!await roles.RoleExistsAsync(role))
        {
            Collect(await roles.CreateAsync(new IdentityRole(role)), problems);
        }

        Collect(await users.CreateAsync(user, password), problems);
        if (problems.Count == 0)
        {
            Collect(await users.AddToRoleAsync(user, role), problems);
            // Where UserManager keeps the key that ResetAuthenticatorKeyAsync would otherwise make up.
            Collect(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key), problems);
            Collect(await users.SetTwoFactorEnabledAsync(user, true), problems);
        }

        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"{Name}: the account was not created: {string.Join("; ", problems)}");
            return DemoCommand.ExitRefused;
        }

        await output.WriteLineAsync($"Staff account {email} ({role}) created, with its authenticator enrolled.");
        return DemoCommand.ExitOk;
    }

    private static void Collect(IdentityResult result, List<string> problems) =>
        problems.AddRange(result.Errors.Select(e => e.Description));
}
