using Microsoft.Playwright;
using SpineDesk.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpineDesk.BrowserTests.Features.Accessibility;

/// <summary>axe-core (WCAG 2.x rules) finds nothing serious or critical on the pages people use.</summary>
[Collection(SharedSite.Name)]
public sealed class AccessibilityTests(SiteFixture site) : BrowserTest(site)
{
    public static TheoryData<string> Pages => PublicPages.All;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_public_page_has_no_serious_accessibility_violation(string path)
    {
        var page = await OpenAsync(SiteFixture.Desktop());

        var response = await page.GotoAsync(path);

        Assert.True(response?.Ok == true, $"{path} answered {response?.Status}.");
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task The_public_pages_on_a_phone_have_no_serious_accessibility_violation()
    {
        var page = await OpenAsync(SiteFixture.Phone());
        foreach (var path in PublicPages.All)
        {
            await page.GotoAsync(path!);
            await page.AssertNoSeriousViolationsAsync();
        }
    }

    [Fact]
    public async Task The_contact_form_showing_its_errors_has_no_serious_accessibility_violation()
    {
        var page = await OpenAsync(SiteFixture.Desktop());
        await page.GotoAsync("/contact");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task The_queue_has_no_serious_accessibility_violation()
    {
        var coordinator = await Site.Server.CreateStaffAsync("Coordinator");
        var page = await OpenAsync(SiteFixture.Desktop());
        await page.SendContactRequestAsync(Patients.UniqueName("Queue"));
        await page.SignInAsync(coordinator);

        var response = await page.GotoAsync("/staff/queue");

        Assert.True(response?.Ok == true, $"/staff/queue answered {response?.Status} to a signed-in coordinator.");
        await Expect(page.Locator("table#queue")).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
    }
}
