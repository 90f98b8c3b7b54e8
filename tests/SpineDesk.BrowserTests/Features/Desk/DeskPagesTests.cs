using System.Globalization;
using Microsoft.Playwright;
using SpineDesk.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpineDesk.BrowserTests.Features.Desk;

/// <summary>
/// The coordination desk's pages, each with the data it shows, checked by axe-core (nothing serious or
/// critical) and for fitting the screen (no sideways page scroll), on a desktop and on a 360 px phone.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class DeskPagesTests(SiteFixture site) : BrowserTest(site)
{
    public static TheoryData<string> Screens => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_desk_pages_have_no_serious_accessibility_violation_and_fit_the_screen(string screen)
    {
        var clinic = await Site.Server.SeedDeskAsync();
        var page = await OpenAsync(screen == "phone" ? SiteFixture.Phone() : SiteFixture.Desktop());
        await page.SignInAsync(clinic.Coordinator);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string Path, string Shows)[] pages =
        [
            ($"/staff/inquiries/{Id(clinic.BookedInquiryId)}", "ol.timeline li"),
            ($"/staff/search?q={Uri.EscapeDataString(clinic.SearchName)}", "table.data-table tbody tr"),
            ($"/staff/search?q=Nobody{Guid.NewGuid():N}", "main"),
            ("/staff/team", "#funnel tbody tr"),
            ($"/staff/inquiries/{Id(clinic.ContactingInquiryId)}/consultations?Clinician={clinic.ClinicianId}&From={tomorrow}", "#book-form"),
            ($"/staff/consultations/{Id(clinic.ConsultationId)}", "main form"),
            ($"/staff/consultations/availability?Clinician={clinic.ClinicianId}", "table.data-table tbody tr"),
            ($"/staff/merge/{Id(clinic.OriginalId)}/{Id(clinic.DuplicateId)}", "main form"),
            ($"/staff/inquiries/{Id(clinic.BookedInquiryId)}/notes", "textarea"),
            ("/staff/my-day", "#due-now .day-item"),
            ("/staff/tasks", "table.data-table tbody tr"),
            ($"/staff/tasks/new?inquiry={Id(clinic.ContactingInquiryId)}", "#new-task"),
            ($"/staff/tasks/{Id(clinic.TaskId)}", "main form"),
            ($"/staff/patients/{Id(clinic.PatientId)}", "main h1"),
            ($"/staff/inquiries/{Id(clinic.ContactingInquiryId)}/patient", "#register-form"),
            ($"/staff/patients/{Id(clinic.PatientId)}/notes", "textarea"),
        ];

        var problems = new List<string>();
        foreach (var (path, shows) in pages)
        {
            var response = await page.GotoAsync(path);
            if (response?.Ok != true)
            {
                problems.Add($"{path} answered {response?.Status} to a signed-in coordinator.");
                continue;
            }

            await Expect(page.Locator(shows).First).ToBeAttachedAsync();
            problems.AddRange(new[] { await page.SeriousViolationsAsync(), await page.HorizontalScrollAsync() }.OfType<string>());
        }

        // A form sent back with its errors shown: a task due in the past is refused by the server.
        await page.GotoAsync($"/staff/tasks/new?inquiry={Id(clinic.ContactingInquiryId)}");
        await page.GetByLabel("What needs doing").FillAsync("Call the GP surgery for the MRI report");
        await page.GetByLabel("Due (clinic time", new() { Exact = false }).FillAsync(DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd'T'09:00", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the task" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("#task-due-error")).ToBeVisibleAsync();
        problems.AddRange(new[] { await page.SeriousViolationsAsync(), await page.HorizontalScrollAsync() }.OfType<string>());

        // Cancelling a task without saying why, and adding an empty patient note: both sent back with the error.
        await page.GotoAsync($"/staff/tasks/{Id(clinic.TaskId)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the task" }).ClickAsync();
        await Expect(page.Locator("#task-cancel-reason-error")).ToBeVisibleAsync();
        problems.AddRange(new[] { await page.SeriousViolationsAsync(), await page.HorizontalScrollAsync() }.OfType<string>());
        await page.GotoAsync($"/staff/patients/{Id(clinic.PatientId)}/notes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        problems.AddRange(new[] { await page.SeriousViolationsAsync(), await page.HorizontalScrollAsync() }.OfType<string>());

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, problems));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
