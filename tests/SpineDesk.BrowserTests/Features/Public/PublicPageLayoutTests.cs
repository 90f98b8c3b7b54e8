using Microsoft.Playwright;
using SpineDesk.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpineDesk.BrowserTests.Features.Public;

/// <summary>Every public page on a 360 px phone: nothing to scroll sideways, and a working skip link.</summary>
[Collection(SharedSite.Name)]
public sealed class PublicPageLayoutTests(SiteFixture site) : BrowserTest(site)
{
    public static TheoryData<string> Pages => PublicPages.All;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_fits_a_360_px_screen(string path)
    {
        var page = await OpenAsync(SiteFixture.Phone());

        var response = await page.GotoAsync(path);

        Assert.True(response?.Ok == true, $"{path} answered {response?.Status}.");
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await page.AssertNoHorizontalScrollAsync();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_skip_link_comes_first_and_moves_focus_to_the_main_content(string path)
    {
        var page = await OpenAsync(SiteFixture.Phone());
        await page.GotoAsync(path);

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing'");
        Assert.True(await skipLink.EvaluateAsync<bool>("e => e === document.activeElement"), $"On {path} the first Tab focused {focused}, not the skip link.");
        await Expect(skipLink).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }
}
