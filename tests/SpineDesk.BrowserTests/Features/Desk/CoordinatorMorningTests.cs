using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpineDesk.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpineDesk.BrowserTests.Features.Desk;

/// <summary>
/// A coordinator's morning on a seeded clinic, through the real pages: My day puts the emergency first; the
/// call goes unanswered and is logged; the cadence plans the next try, so the person leaves "Due now"; another
/// person gets a consultation booked; and the team view's figures move. Every page on the way is checked by
/// axe-core and for fitting the screen, on a desktop and on a 360 px phone.
/// </summary>
[Collection(SharedSite.Name)]
public sealed partial class CoordinatorMorningTests(SiteFixture site) : BrowserTest(site)
{
    public static TheoryData<string> Screens => ["desktop", "phone"];

    [GeneratedRegex("Contact attempt logged")]
    private static partial Regex AttemptLogged();

    [GeneratedRegex("/staff/inquiries/[0-9]+/consultations")]
    private static partial Regex BookingPage();

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_coordinator_calls_the_most_urgent_person_first_books_another_and_sees_the_team_figures_change(string screen)
    {
        var clinic = await Site.Server.SeedMorningAsync();
        var page = await OpenAsync(screen == "phone" ? SiteFixture.Phone() : SiteFixture.Desktop());
        var problems = new List<string>();
        await page.SignInAsync(clinic.Coordinator);

        // The team view before the morning's work.
        await GoAsync(page, "/staff/team");
        var before = await TeamFiguresAsync(page, clinic.CoordinatorId);
        Assert.Equal(2, before.DueNow);
        Assert.Equal(3, before.Open);
        await CheckAsync(page, problems);

        // My day: the emergency tops "Due now", then the urgent person; the overdue task is there too.
        await GoAsync(page, "/staff/my-day");
        var dueNow = page.Locator("#due-now > li.day-item");
        await Expect(dueNow.First.Locator(".day-title a")).ToContainTextAsync(clinic.EmergencyName);
        var titles = await dueNow.Locator(".day-title").AllInnerTextsAsync();
        var emergencyAt = IndexOf(titles, clinic.EmergencyName);
        var urgentAt = IndexOf(titles, clinic.UrgentName);
        var taskAt = IndexOf(titles, clinic.TaskTitle);
        Assert.True(
            emergencyAt == 0 && urgentAt > emergencyAt && taskAt > urgentAt,
            $"My day's \"Due now\" should list the emergency ({clinic.EmergencyName}) first, then the urgent person ({clinic.UrgentName}), then the overdue task; it lists:{Environment.NewLine}{string.Join(Environment.NewLine, titles)}");
        await CheckAsync(page, problems);

        // Call the emergency: no answer. The note shows in the timeline and the cadence plans the next try.
        await dueNow.First.Locator(".day-title a").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = clinic.EmergencyName, Level = 1 })).ToBeVisibleAsync();
        var note = $"Rang at 08:05, no answer ({Guid.NewGuid():N})";
        await page.GetByLabel("Channel", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Phone call" });
        await page.GetByLabel("Outcome", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "No answer" });
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log attempt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(AttemptLogged());
        var entry = page.Locator("ol.timeline li").Filter(new() { HasText = note });
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync("No answer");
        var next = page.Locator("dl.details dt:text-is('Next attempt') + dd time");
        await Expect(next).ToHaveCountAsync(1);
        var nextAt = DateTime.Parse((await next.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.True(nextAt > DateTime.UtcNow, $"After an unanswered call the next attempt should be planned in the future; the page shows {nextAt:u}.");
        await CheckAsync(page, problems);

        // Back on My day the emergency is no longer due now: the urgent person is at the top.
        await GoAsync(page, "/staff/my-day");
        await Expect(dueNow.First.Locator(".day-title a")).ToContainTextAsync(clinic.UrgentName);
        await Expect(page.Locator("#due-now")).Not.ToContainTextAsync(clinic.EmergencyName);
        await CheckAsync(page, problems);

        // The task about Rosa leads to her inquiry, and from there to booking: clinician, time, video.
        var task = dueNow.Filter(new() { HasText = clinic.TaskTitle });
        await task.GetByRole(AriaRole.Link, new() { Name = clinic.RoutineName, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = clinic.RoutineName, Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Book, move or cancel a consultation" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(BookingPage());
        await page.GetByLabel("Clinician", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = clinic.ClinicianName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show times" }).ClickAsync();
        var slots = page.Locator("#slot input[type=radio]");
        await Expect(slots.First).ToBeVisibleAsync();
        await CheckAsync(page, problems);
        var slotLabel = (await page.Locator("#slot label").First.InnerTextAsync()).Trim();
        await slots.First.CheckAsync();
        await page.GetByLabel("Video call").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book and send the invitation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        var booked = page.Locator("section[aria-labelledby=booked-heading] tbody tr");
        await Expect(booked).ToHaveCountAsync(1);
        await Expect(booked).ToContainTextAsync(clinic.ClinicianName);
        await Expect(booked).ToContainTextAsync("Video");
        await Expect(booked).ToContainTextAsync(slotLabel.Split(',')[0]);
        await Expect(page.Locator(".badge-stage").First).ToHaveTextAsync("Consultation scheduled");
        await CheckAsync(page, problems);

        // The team view after: one more inquiry reached a consultation; the coordinator has one fewer due now
        // (the emergency was tried) and one fewer open (Rosa is booked).
        await GoAsync(page, "/staff/team");
        var after = await TeamFiguresAsync(page, clinic.CoordinatorId);
        Assert.Equal(before.ConsultationScheduled + 1, after.ConsultationScheduled);
        Assert.Equal(before.DueNow - 1, after.DueNow);
        Assert.Equal(before.Open - 1, after.Open);
        await CheckAsync(page, problems);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, problems));
    }

    private sealed record TeamFigures(int ConsultationScheduled, int Open, int DueNow);

    private static async Task<TeamFigures> TeamFiguresAsync(IPage page, string coordinatorId)
    {
        var funnel = page.Locator("#funnel tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = "Consultation scheduled" }) });
        var row = page.Locator($"#workload tbody tr[data-owner='{coordinatorId}']");
        await Expect(row).ToHaveCountAsync(1);
        return new TeamFigures(
            await NumberAsync(funnel.Locator("td").First),
            await NumberAsync(row.Locator("td.open")),
            await NumberAsync(row.Locator("td.due")));
    }

    private static async Task<int> NumberAsync(ILocator cell) =>
        int.Parse((await cell.InnerTextAsync()).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    private static async Task GoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok == true, $"{path} answered {response?.Status} to a signed-in coordinator.");
    }

    /// <summary>Collects what axe-core finds serious or critical, and any sideways scroll, on the page as it is now.</summary>
    private static async Task CheckAsync(IPage page, List<string> problems) =>
        problems.AddRange(new[] { await page.SeriousViolationsAsync(), await page.HorizontalScrollAsync() }.OfType<string>());

    private static int IndexOf(IReadOnlyList<string> items, string text)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Contains(text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
