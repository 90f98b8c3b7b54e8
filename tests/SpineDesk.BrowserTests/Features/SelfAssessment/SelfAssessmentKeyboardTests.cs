using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpineDesk.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpineDesk.BrowserTests.Features.SelfAssessment;

/// <summary>
/// A patient on a phone goes through the whole self-assessment with the keyboard alone: Tab and arrow keys,
/// Space to tick, typing, Enter to go on. Every page is checked with axe and for sideways scrolling.
/// </summary>
[Collection(SharedSite.Name)]
public sealed partial class SelfAssessmentKeyboardTests(SiteFixture site) : BrowserTest(site)
{
    [Fact]
    public async Task A_patient_completes_the_whole_self_assessment_by_keyboard_on_a_phone()
    {
        await Site.EnsureTestPacksAsync();
        var page = await OpenAsync(SiteFixture.Phone());
        await page.GotoAsync("/self-assessment");
        await CheckPageAsync(page, "Check your back pain");
        await PressOnAsync(page.GetByRole(AriaRole.Link, new() { Name = "Start", Exact = true }), "Enter");

        // 1. Safety: nothing applies.
        await CheckPageAsync(page, "First, your safety");
        await NextAsync(page);

        // 2. Pain ratings: arrow keys move along a radio group and choose.
        await CheckPageAsync(page, "How much it hurts");
        var back = page.GetByRole(AriaRole.Group, new() { Name = "Pick a number for your back pain this week." });
        await back.GetByRole(AriaRole.Radio).First.FocusAsync();
        for (var i = 0; i < 6; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Expect(back.GetByLabel("6", new() { Exact = true })).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        var leg = page.GetByRole(AriaRole.Group, new() { Name = "Pick a number for your leg pain this week. (optional)" });
        await Expect(leg.GetByLabel("2", new() { Exact = true })).ToBeCheckedAsync();
        await NextAsync(page);

        // 3. Pain drawing: the checkboxes, and the diagram shows what is ticked.
        await CheckPageAsync(page, "Where do you feel pain?");
        foreach (var region in new[] { "Low back, middle", "Left leg below the knee", "Left foot" })
        {
            await PressOnAsync(page.GetByLabel(region, new() { Exact = true }), "Space");
            await Expect(page.GetByLabel(region, new() { Exact = true })).ToBeCheckedAsync();
        }

        var marked = await page.Locator(".pain-figure .region-lower-leg-left").First.EvaluateAsync<string>("e => getComputedStyle(e).fill");
        var unmarked = await page.Locator(".pain-figure .region-lower-leg-right").First.EvaluateAsync<string>("e => getComputedStyle(e).fill");
        Assert.NotEqual(unmarked, marked);
        await NextAsync(page);

        // 4–5. Function (placeholder pack, two pages).
        await CheckPageAsync(page, "Daily activities, part 1");
        await Expect(page.GetByText("the clinic has not imported the licensed wording")).ToBeVisibleAsync();
        int[] odi = [2, 1, 2, 1, 2, 2, 1, 2, 3, 2];
        for (var n = 1; n <= 5; n++)
        {
            await ChooseAsync(page, $"Test section {n} (optional)", $"Test statement {n}.{odi[n - 1] + 1}");
        }

        await NextAsync(page);
        await CheckPageAsync(page, "Daily activities, part 2");
        for (var n = 6; n <= 10; n++)
        {
            await ChooseAsync(page, $"Test section {n} (optional)", $"Test statement {n}.{odi[n - 1] + 1}");
        }

        await NextAsync(page);

        // 6–7. Risk.
        await CheckPageAsync(page, "Risk questions, part 1");
        for (var n = 1; n <= 8; n++)
        {
            await ChooseAsync(page, $"Test risk statement {n}", "Agree (test)");
        }

        await NextAsync(page);
        await CheckPageAsync(page, "Risk questions, part 2");
        await ChooseAsync(page, "Test risk statement 9", "Test level 5");
        await NextAsync(page);

        // 8–9. History: a choice, ticked boxes and typed text.
        await CheckPageAsync(page, "How it started");
        await ChooseAsync(page, "How long has your back hurt?", "More than a year");
        await NextAsync(page);
        await CheckPageAsync(page, "What you have tried");
        await PressOnAsync(page.GetByLabel("Physical therapy"), "Space");
        await PressOnAsync(page.GetByLabel("Medication"), "Space");
        await page.GetByLabel("What would you like to be able to do again? (optional)").FocusAsync();
        await page.Keyboard.TypeAsync("Walk to the shops");
        await NextAsync(page);

        // 10. Summary.
        await CheckPageAsync(page, "Your summary");
        await Expect(page.Locator("#summary-odi")).ToContainTextAsync("36 out of 100");
        await Expect(page.Locator("#summary-back-pain")).ToContainTextAsync("6 out of 10");
        await Expect(page.Locator("#summary-startback")).ToContainTextAsync("higher risk");
        await PressOnAsync(page.GetByRole(AriaRole.Link, new() { Name = "Next: your contact details" }), "Enter");

        // 11. Contact details.
        await CheckPageAsync(page, "Your contact details");
        var name = Patients.UniqueName("Rosa");
        await TypeIntoAsync(page.GetByLabel("Your name"), name);
        await TypeIntoAsync(page.GetByLabel("Phone number"), "(212) 555-0143");
        await PressOnAsync(page.GetByLabel("I agree that the clinic may contact me"), "Space");
        await PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my answers and details" }), "Enter");

        await Expect(page).ToHaveURLAsync(ReceivedPage());
        await Expect(page.Locator("#reference-number")).ToHaveTextAsync(Patients.ReferenceNumber());
        await page.AssertNoSeriousViolationsAsync();

        // The coordinator sees the badge in the queue and the scores and drawing on the inquiry.
        var coordinator = await Site.Server.CreateStaffAsync("Coordinator");
        var desk = await OpenAsync(SiteFixture.Desktop());
        await desk.SignInAsync(coordinator);
        await desk.GotoAsync("/staff/queue");
        var row = desk.Locator("#queue tbody tr").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("STarT Back high risk");
        await desk.AssertNoSeriousViolationsAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(desk.Locator("#score-odi")).ToContainTextAsync("36%: moderate disability");
        await Expect(desk.Locator("#pain-below-knee")).ToHaveTextAsync("Pain below the knee: yes (left leg)");
        await Expect(desk.Locator(".pain-figure .region-foot-left.is-marked").First).ToBeVisibleAsync();
        await desk.AssertNoSeriousViolationsAsync();
    }

    [Fact]
    public async Task A_red_flag_answer_shows_the_emergency_advice_before_anything_else()
    {
        await Site.EnsureTestPacksAsync();
        var page = await OpenAsync(SiteFixture.Phone());
        await page.GotoAsync("/self-assessment/safety");

        await PressOnAsync(page.GetByLabel(Patients.SaddleNumbness, new() { Exact = true }), "Space");
        await NextAsync(page);

        await Expect(page).ToHaveURLAsync(EmergencyPage());
        var first = page.GetByRole(AriaRole.Heading).First;
        await Expect(first).ToHaveTextAsync("Go to an emergency department now");
        await Expect(first).ToBeInViewportAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.AssertNoHorizontalScrollAsync();
    }

    [Fact]
    public async Task Tapping_the_body_diagram_ticks_the_region_without_javascript()
    {
        await Site.EnsureTestPacksAsync();
        var options = SiteFixture.Phone();
        options.JavaScriptEnabled = false;
        var page = await OpenAsync(options);
        await page.GotoAsync("/self-assessment/safety");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Pick a number for your back pain this week." }).GetByLabel("4", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Where do you feel pain?" })).ToBeVisibleAsync();

        // The right foot is drawn in the front and the back view; tap it in the back view.
        await page.Locator(".pain-figure .region-foot-right").Last.ClickAsync();

        await Expect(page.GetByLabel("Right foot", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Left foot", new() { Exact = true })).Not.ToBeCheckedAsync();
    }

    private static async Task CheckPageAsync(IPage page, string heading)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await page.AssertNoSeriousViolationsAsync();
        await page.AssertNoHorizontalScrollAsync();
    }

    /// <summary>Moves the keyboard focus to the element (as Tab would) and presses a key on it.</summary>
    private static async Task PressOnAsync(ILocator target, string key)
    {
        await target.FocusAsync();
        await Expect(target).ToBeFocusedAsync();
        await target.Page.Keyboard.PressAsync(key);
    }

    private static async Task TypeIntoAsync(ILocator field, string text)
    {
        await field.FocusAsync();
        await field.Page.Keyboard.TypeAsync(text);
    }

    /// <summary>Chooses an answer of a radio group by focusing it and pressing Space.</summary>
    private static async Task ChooseAsync(IPage page, string question, string answer)
    {
        var option = page.GetByRole(AriaRole.Group, new() { Name = question, Exact = true }).GetByLabel(answer, new() { Exact = true });
        await PressOnAsync(option, "Space");
        await Expect(option).ToBeCheckedAsync();
    }

    private static async Task NextAsync(IPage page)
    {
        var url = page.Url;
        await PressOnAsync(page.GetByRole(AriaRole.Button, new() { NameRegex = NextButton() }), "Enter");
        await Expect(page).Not.ToHaveURLAsync(url);
    }

    [GeneratedRegex("^Next")]
    private static partial Regex NextButton();

    [GeneratedRegex("/contact/received\\?reference=SD-")]
    private static partial Regex ReceivedPage();

    [GeneratedRegex("/self-assessment/emergency$")]
    private static partial Regex EmergencyPage();
}
