using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpineDesk.BrowserTests.Infrastructure;

/// <summary>What a patient does on the contact form, found the way a person finds it: by its labels.</summary>
public static partial class Patients
{
    public const string SaddleNumbness = "Numbness or tingling between your legs, around your genitals or back passage";

    [GeneratedRegex("^SD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    public static partial Regex ReferenceNumber();

    /// <summary>A name no other test uses, so a test finds its own patient in a shared queue.</summary>
    public static string UniqueName(string first)
    {
        var letters = Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(5).Select(char.ToUpperInvariant);
        return $"{first} Test{new string([.. letters]).ToLowerInvariant()}";
    }

    /// <summary>
    /// Fills the contact form's details, ticks consent with the keyboard, sends it and waits for the page
    /// that shows the reference number (the received page, or the emergency page). Returns the reference.
    /// </summary>
    public static async Task<string> SendContactRequestAsync(this IPage page, string name, params string[] redFlags)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/contact");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contact a care coordinator", Level = 1 })).ToBeVisibleAsync();

        foreach (var flag in redFlags)
        {
            await page.GetByLabel(flag, new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Phone number").FillAsync("(212) 555-0143");
        await page.GetByLabel("Email address (optional)").FillAsync("patient@example.com");
        await page.GetByLabel("How should we contact you?").SelectOptionAsync(new SelectOptionValue { Label = "Text message" });
        await page.GetByLabel("When is the best time?").SelectOptionAsync(new SelectOptionValue { Label = "Morning" });
        await page.GetByLabel("Anything you would like us to know (optional)").FillAsync("Low back pain for two years, worse when sitting.");

        var consent = page.GetByLabel("I agree that the clinic may contact me");
        await consent.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(consent).ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var reference = page.Locator("#reference-number");
        await Expect(reference).ToHaveTextAsync(ReferenceNumber());
        return (await reference.InnerTextAsync()).Trim();
    }
}
