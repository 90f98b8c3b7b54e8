using System.Globalization;
using Microsoft.Playwright;
using SpineDesk.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpineDesk.BrowserTests.Features.Queue;

/// <summary>The coordinator's side of the first journey: sign in with TOTP, find the patient, log a call.</summary>
[Collection(SharedSite.Name)]
public sealed class CoordinatorQueueTests(SiteFixture site) : BrowserTest(site)
{
    [Fact]
    public async Task A_coordinator_finds_an_emergency_above_an_earlier_routine_inquiry_and_logs_a_contact_attempt()
    {
        var patient = await OpenAsync(SiteFixture.Phone());
        var routineName = Patients.UniqueName("Rita");
        var emergencyName = Patients.UniqueName("Emil");
        await patient.SendContactRequestAsync(routineName);
        await patient.SendContactRequestAsync(emergencyName, Patients.SaddleNumbness);

        var coordinator = await Site.Server.CreateStaffAsync("Coordinator");
        var page = await OpenAsync(SiteFixture.Desktop());
        await page.SignInAsync(coordinator);
        var response = await page.GotoAsync("/staff/queue");

        Assert.True(response?.Ok == true, $"/staff/queue answered {response?.Status} to a signed-in coordinator.");
        var rows = page.Locator("table#queue tbody tr");
        var emergencyRow = rows.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = emergencyName }) });
        var routineRow = rows.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = routineName }) });
        await Expect(emergencyRow).ToHaveCountAsync(1);
        await Expect(routineRow).ToHaveCountAsync(1);
        var order = await rows.AllInnerTextsAsync();
        var emergencyAt = IndexOf(order, emergencyName);
        var routineAt = IndexOf(order, routineName);
        Assert.True(
            emergencyAt < routineAt,
            $"The emergency inquiry ({emergencyName}) is row {emergencyAt + 1} of the queue and the routine one sent before it ({routineName}) is row {routineAt + 1}: emergencies must come first.");

        await emergencyRow.GetByRole(AriaRole.Link, new() { Name = emergencyName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = emergencyName })).ToBeVisibleAsync();

        var note = $"Left a voicemail, asked to call back ({Guid.NewGuid():N})";
        await ChooseAsync(page.GetByLabel("Channel", new() { Exact = true }), "Phone");
        await ChooseAsync(page.GetByLabel("Outcome", new() { Exact = true }), "voicemail");
        await page.GetByLabel("Note", new() { Exact = true }).FillAsync(note);
        await FillNextAttemptAsync(page.GetByLabel("Next attempt", new() { Exact = true }), DateTime.Now.AddDays(1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Log attempt" }).ClickAsync();

        await Expect(page.Locator("ol.timeline")).ToContainTextAsync(note);
    }

    private static int IndexOf(IReadOnlyList<string> rows, string name)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Contains(name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Picks the option whose label mentions <paramref name="wanted"/>, or else the first real choice.</summary>
    private static async Task ChooseAsync(ILocator select, string wanted)
    {
        var options = await select.Locator("option").AllAsync();
        foreach (var option in options)
        {
            var label = await option.InnerTextAsync();
            if (label.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            {
                await select.SelectOptionAsync(new SelectOptionValue { Label = label.Trim() });
                return;
            }
        }

        foreach (var option in options)
        {
            if (!string.IsNullOrEmpty(await option.GetAttributeAsync("value")))
            {
                await select.SelectOptionAsync(new SelectOptionValue { Label = (await option.InnerTextAsync()).Trim() });
                return;
            }
        }

        Assert.Fail("The select has no option to choose.");
    }

    /// <summary>Fills a date or date-and-time field in the format its input type expects.</summary>
    private static async Task FillNextAttemptAsync(ILocator field, DateTime when)
    {
        var type = await field.GetAttributeAsync("type");
        var value = type switch
        {
            "date" => when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "datetime-local" => when.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            _ => when.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        };
        await field.FillAsync(value);
    }
}
