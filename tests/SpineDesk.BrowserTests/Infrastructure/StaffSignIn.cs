using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpineDesk.BrowserTests.Infrastructure;

public static partial class StaffSignIn
{
    [GeneratedRegex("/staff/sign-in/code")]
    private static partial Regex CodePage();

    /// <summary>Signs in through the real pages as a person would: password, then the authenticator code.</summary>
    public static async Task SignInAsync(this IPage page, TestStaff staff)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(staff);
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Email address").FillAsync(staff.Email);
        await page.GetByLabel("Password").FillAsync(staff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(CodePage());
        await page.GetByLabel("The 6-digit code from your authenticator app").FillAsync(staff.CurrentCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Authenticator code" })).Not.ToBeVisibleAsync();
        var path = new Uri(page.Url).AbsolutePath;
        Assert.False(path.StartsWith("/staff/sign-in", StringComparison.Ordinal), $"Signing in with the password and a current authenticator code left the browser on {page.Url}.");
    }
}
