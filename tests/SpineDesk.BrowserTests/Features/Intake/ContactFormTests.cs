using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpineDesk.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpineDesk.BrowserTests.Features.Intake;

[Collection(SharedSite.Name)]
public sealed class ContactFormTests(SiteFixture site) : BrowserTest(site)
{
    [Fact]
    public async Task A_patient_on_a_phone_sends_the_form_and_sees_a_reference_number()
    {
        var page = await OpenAsync(SiteFixture.Phone());

        var reference = await page.SendContactRequestAsync(Patients.UniqueName("Maria"));

        await Expect(page).ToHaveURLAsync(new Regex("/contact/received\\?reference=SD-"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We have received your request" })).ToBeVisibleAsync();
        Assert.True(Patients.ReferenceNumber().IsMatch(reference), $"The reference number shown is '{reference}', not of the form SD-XXXX-XXXX.");
        await Expect(page.Locator("#reference-number")).ToBeInViewportAsync();
        await page.AssertNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task A_patient_with_saddle_numbness_is_told_first_to_go_to_an_emergency_department()
    {
        var page = await OpenAsync(SiteFixture.Phone());

        await page.SendContactRequestAsync(Patients.UniqueName("Ana"), Patients.SaddleNumbness);

        await Expect(page).ToHaveURLAsync(new Regex("/emergency"));
        var firstHeading = page.GetByRole(AriaRole.Heading).First;
        await Expect(firstHeading).ToBeVisibleAsync();
        var text = (await firstHeading.InnerTextAsync()).Trim();
        Assert.True(text == "Go to an emergency department now", $"The first heading on the page after an emergency answer is '{text}'; it must be 'Go to an emergency department now'.");
        await page.AssertNoHorizontalScrollAsync();
    }
}
