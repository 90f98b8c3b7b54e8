using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Questionnaires;
using SpineDesk.Web.Tests.Features.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Questionnaires;

/// <summary>The administrators' questionnaire page: the list of versions, upload with its errors, and the audit.</summary>
public abstract class PacksPageTests(TestDatabaseKind kind) : AppTest(kind)
{
    private const string Page = "/staff/admin/questionnaires";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var page = await client.GetDocumentAsync(Page);
        var token = page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(new Uri(Page, UriKind.Relative), form, Ct);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, string json) =>
        UploadAsync(client, fileName, Encoding.UTF8.GetBytes(json));

    private static List<string> Row(AngleSharp.Dom.IDocument page, string key, string version) =>
        [.. page.QuerySelectorAll($"#packs-table tr[data-key='{key}'][data-version='{version}'] > *").Take(7).Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task The_page_lists_every_version_with_current_placeholder_and_who_imported_it()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);

        var page = await admin.GetDocumentAsync(Page);

        Assert.Equal(PackFiles.ShippedKeys.Length, page.QuerySelectorAll("#packs-table tbody tr").Length);
        var odi = Row(page, "odi-2.1a", "1.0.0");
        Assert.Equal(["odi-2.1a", "Oswestry Disability Index v2.1a (structure only)", "1.0.0", "Yes", "Yes"], odi.Take(5));
        Assert.Equal("Shipped with SpineDesk", odi[6]);
        Assert.Equal(["pain-intensity", "How strong your pain is", "1.0.0", "Yes", "No"], Row(page, "pain-intensity", "1.0.0").Take(5));
        Assert.NotNull(page.QuerySelector("nav.staff-nav a[href='/staff/admin/questionnaires']"));
    }

    [Fact]
    public async Task An_administrator_uploads_the_licensed_version_which_becomes_current_and_is_audited()
    {
        var (admin, me) = await App.SignedInAsync(StaffRoles.Administrator);

        var response = await UploadAsync(admin, "clinic-odi.json", PackFiles.Json(PackFiles.Licensed("odi-2.1a", "2.1a-clinic")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Page, response.LocationPath());
        var page = await admin.GetDocumentAsync(Page);
        Assert.Equal(
            "Imported odi-2.1a version 2.1a-clinic. It is now the current version, and the licensed wording replaces the placeholders. Responses already given keep the version they answered.",
            page.QuerySelector(".alert-success")!.TextContent.Trim());
        var licensed = Row(page, "odi-2.1a", "2.1a-clinic");
        Assert.Equal(["odi-2.1a", "Licensed stand-in for tests", "2.1a-clinic", "Yes", "No"], licensed.Take(5));
        Assert.Equal("Test Administrator", licensed[6]);
        Assert.Equal("No", Row(page, "odi-2.1a", "1.0.0")[3]);

        var pack = await App.WithDbAsync(db => db.QuestionnairePacks.SingleAsync(p => p.Key == "odi-2.1a" && p.IsCurrent, Ct));
        Assert.Equal((PackFormat.UploadSource, me.Id), (pack.Source, pack.ImportedById));
        var audit = Assert.Single(await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "QuestionnairePack").ToListAsync(Ct)));
        Assert.Equal(("questionnairepack.import", pack.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), me.Id), (audit.Action, audit.EntityId, audit.UserId));
        Assert.Equal("Imported odi-2.1a version 2.1a-clinic from clinic-odi.json; replaces version 1.0.0 as current. The licensed wording replaces the placeholders.", audit.Details);
    }

    [Fact]
    public async Task A_refused_upload_lists_each_problem_and_changes_nothing()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);
        var broken = PackFiles.Node("odi-2.1a");
        PackFiles.Item(broken, "odi-7")["linkId"] = "odi-3";
        PackFiles.Option(broken, "odi-9", "4").Remove("extension");

        var response = await UploadAsync(admin, "broken.json", PackFiles.Json(broken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.StartsWith("Error: Questionnaires – ", page.Title, StringComparison.Ordinal);
        var errors = page.QuerySelectorAll("#import-errors li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "The linkId \"odi-3\" is used by more than one item (items 1.4, 2.2); each item needs its own.",
            "Item \"odi-9\" is scored, but option \"4\" has no score: give every option a score (the ordinalValue extension) or none.",
            "The scorer \"odi-2.1a\" needs an item with linkId \"odi-7\", and the pack has none.",
        ], errors);
        Assert.Equal(1, await App.WithDbAsync(db => db.QuestionnairePacks.CountAsync(p => p.Key == "odi-2.1a", Ct)));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "QuestionnairePack", Ct)));
    }

    [Fact]
    public async Task Files_that_are_not_packs_empty_or_too_large_are_refused_with_a_plain_message()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);

        var notJson = await UploadAsync(admin, "notes.txt", "These are not JSON.");
        var patient = await UploadAsync(admin, "patient.json", "{\"resourceType\":\"Patient\"}");
        var empty = await UploadAsync(admin, "empty.json", []);
        var large = await UploadAsync(admin, "large.json", new byte[PackFormat.MaxFileBytes * 3 / 2]);

        async Task<string> ErrorOf(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return Assert.Single((await Forms.ParseAsync(response)).QuerySelectorAll("#import-errors li")).TextContent.Trim();
        }

        Assert.StartsWith("The file is not valid JSON (line 1, position 1): ", await ErrorOf(notJson), StringComparison.Ordinal);
        Assert.Equal("The file is a FHIR Patient, not a Questionnaire.", await ErrorOf(patient));
        Assert.Equal("Choose a questionnaire pack file (FHIR Questionnaire JSON) to import.", await ErrorOf(empty));
        Assert.Equal("The file is 1,536 KB; a questionnaire pack may be at most 1,024 KB.", await ErrorOf(large));
    }

    [Fact]
    public async Task The_identical_file_again_says_nothing_changed()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);

        var response = await UploadAsync(admin, "startback-9.json", PackFiles.Text("startback-9"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetDocumentAsync(Page);
        Assert.Equal("This file is already imported as startback-9 version 1.0.0; nothing was changed.", page.QuerySelector(".alert-success")!.TextContent.Trim());
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "QuestionnairePack", Ct)));
    }

    [Fact]
    public async Task A_version_downloads_as_the_exact_JSON_imported()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);
        var id = await App.WithDbAsync(db => db.QuestionnairePacks.Where(p => p.Key == "rmdq-24").Select(p => p.Id).SingleAsync(Ct));

        var response = await admin.GetAsync(new Uri($"{Page}?handler=Download&id={id}", UriKind.Relative), Ct);
        var missing = await admin.GetAsync(new Uri($"{Page}?handler=Download&id={int.MaxValue}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("rmdq-24-1.0.0.json", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(PackFiles.Text("rmdq-24"), await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Staff_who_are_not_administrators_can_neither_see_nor_upload()
    {
        var (coordinator, _) = await App.SignedInAsync(StaffRoles.Coordinator, StaffRoles.Clinician);
        using var form = new MultipartFormDataContent { { new StringContent(PackFiles.Json(PackFiles.Licensed("odi-2.1a", "sneaky"))), "Upload", "odi.json" } };

        var get = await coordinator.GetAsync(new Uri(Page, UriKind.Relative), Ct);
        var post = await coordinator.PostAsync(new Uri(Page, UriKind.Relative), form, Ct);
        var download = await coordinator.GetAsync(new Uri($"{Page}?handler=Download&id=1", UriKind.Relative), Ct);

        Assert.All([get, post, download], r => Assert.Equal("/staff/access-denied", r.LocationPath()));
        Assert.Null((await coordinator.GetDocumentAsync("/staff")).QuerySelector("nav.staff-nav a[href='/staff/admin/questionnaires']"));
        Assert.Equal(1, await App.WithDbAsync(db => db.QuestionnairePacks.CountAsync(p => p.Key == "odi-2.1a", Ct)));
    }
}

public sealed class PacksPageOnSqlite() : PacksPageTests(TestDatabaseKind.Sqlite);

public sealed class PacksPageOnPostgres() : PacksPageTests(TestDatabaseKind.Postgres);
