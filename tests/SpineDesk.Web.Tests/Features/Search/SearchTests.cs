using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Clinical.Pipeline;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Search;

public abstract class SearchTests(TestDatabaseKind kind) : AppTest(kind)
{
    private static List<string> Names(IDocument page) =>
        [.. page.QuerySelectorAll("#results tbody th").Select(th => th.TextContent.Trim())];

    private static async Task<List<string>> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(new Uri("/staff/search?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Names(await Forms.ParseAsync(response));
    }

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    [Fact]
    public async Task A_name_is_found_by_any_part_ignoring_case_and_accents()
    {
        await App.AddPersonAsync("José Álvarez");
        await App.AddPersonAsync("Anna Jose");
        await App.AddPersonAsync("Joseph Smith");
        await App.AddPersonAsync("Maria Lopez");
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        Assert.Equal(["José Álvarez"], await SearchAsync(client, Q("ALVAREZ")));
        Assert.Equal(["José Álvarez"], await SearchAsync(client, Q("álvarez")));
        Assert.Equal(["Anna Jose", "Joseph Smith", "José Álvarez"], (await SearchAsync(client, Q("jose"))).Order(StringComparer.Ordinal));
        Assert.Empty(await SearchAsync(client, Q("Nobody Here")));
    }

    [Theory]
    [InlineData("(212) 555-0143")]
    [InlineData("212.555.0143")]
    [InlineData("+1 212 555 0143")]
    [InlineData("2125550143")]
    [InlineData("555-0143")]
    [InlineData("5550143")]
    public async Task A_phone_number_is_found_however_it_is_typed(string typed)
    {
        await App.AddPersonAsync("Maria Lopez", phone: "+12125550143");
        await App.AddPersonAsync("Other Person", phone: "+12125550199");
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        Assert.Equal(["Maria Lopez"], await SearchAsync(client, Q(typed)));
    }

    [Fact]
    public async Task The_end_of_a_number_longer_than_the_indexed_tail_must_match_in_full()
    {
        // Both end in 555-0143 (the stored seven-digit tail); only one ends in 2-555-0143.
        await App.AddPersonAsync("Maria Lopez", phone: "+12125550143");
        await App.AddPersonAsync("Other Person", phone: "+13135550143");
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        Assert.Equal(["Maria Lopez"], await SearchAsync(client, Q("2-555-0143")));
        Assert.Equal(["Maria Lopez", "Other Person"], (await SearchAsync(client, Q("555 0143"))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_email_address_is_found_whatever_its_case()
    {
        await App.AddPersonAsync("Maria Lopez", email: "maria.lopez@example.com");
        await App.AddPersonAsync("Other Person", email: "other@example.com");
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        Assert.Equal(["Maria Lopez"], await SearchAsync(client, Q(" Maria.Lopez@EXAMPLE.com ")));
    }

    [Theory]
    [InlineData("SD-0K1Q-M2XP")]
    [InlineData("sd 0k1q m2xp")]
    [InlineData("SDOKIQM2XP")]
    [InlineData("okLq-m2xp")]
    public async Task A_reference_is_found_when_typed_loosely(string typed)
    {
        await App.AddPersonAsync("Maria Lopez", reference: "SD-0K1Q-M2XP");
        await App.AddPersonAsync("Other Person", reference: "SD-0K1Q-M2XQ");
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        Assert.Equal(["Maria Lopez"], await SearchAsync(client, Q(typed)));
    }

    [Fact]
    public async Task Filters_narrow_by_stage_urgency_owner_and_overdue()
    {
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);
        var now = DateTime.UtcNow;
        await App.AddPersonAsync("Ann New Routine", receivedAt: now.AddMinutes(-10));
        await App.AddPersonAsync("Ben Urgent Mine", urgency: Urgency.Urgent, ownerId: me.Id, stage: PipelineStage.Contacting,
            firstContactAttemptAt: now.AddHours(-1), nextAttemptAt: now.AddHours(2), receivedAt: now.AddHours(-2));
        await App.AddPersonAsync("Cat Closed", stage: PipelineStage.Closed, receivedAt: now.AddDays(-30));
        await App.AddPersonAsync("Dan Attempt Due", stage: PipelineStage.Contacting, ownerId: me.Id,
            firstContactAttemptAt: now.AddHours(-3), nextAttemptAt: now.AddMinutes(-1), receivedAt: now.AddHours(-4));
        await App.AddPersonAsync("Eve Past Target", receivedAt: now.AddDays(-10));

        Assert.Equal(["Ben Urgent Mine", "Dan Attempt Due"], await SearchAsync(client, "stage=Contacting"));
        Assert.Equal(["Ben Urgent Mine"], await SearchAsync(client, "urgency=Urgent"));
        Assert.Equal(["Ben Urgent Mine", "Dan Attempt Due"], await SearchAsync(client, "owner=" + me.Id));
        Assert.Equal(["Ann New Routine", "Eve Past Target", "Cat Closed"], await SearchAsync(client, "owner=none"));
        Assert.Equal(["Dan Attempt Due", "Eve Past Target"], await SearchAsync(client, "overdue=true"));
        Assert.Equal(["Dan Attempt Due"], await SearchAsync(client, "overdue=true&" + Q("dan")));

        var page = await client.GetDocumentAsync("/staff/search?overdue=true");
        Assert.All(page.QuerySelectorAll("#results tbody tr"), row => Assert.NotNull(row.QuerySelector(".overdue")));
        Assert.Equal("Contacting", Assert.Single(
            (await client.GetDocumentAsync("/staff/search?stage=Contacting")).QuerySelectorAll("#stage option[selected]")).GetAttribute("value"));
    }

    [Fact]
    public async Task Results_come_newest_first_a_page_at_a_time()
    {
        var start = DateTime.UtcNow.AddDays(-1);
        for (var i = 0; i < 30; i++)
        {
            await App.AddPersonAsync($"Person {i:00}", receivedAt: start.AddMinutes(i));
        }

        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var first = await client.GetDocumentAsync("/staff/search?q=person");
        Assert.Equal(25, Names(first).Count);
        Assert.Equal("Person 29", Names(first)[0]);
        Assert.Contains("30 found", first.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector("div.pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Null(first.QuerySelector("div.pager a[rel=prev]"));

        var second = await client.GetDocumentAsync(next);
        Assert.Equal(["Person 04", "Person 03", "Person 02", "Person 01", "Person 00"], Names(second));
        Assert.NotNull(second.QuerySelector("div.pager a[rel=prev]"));
        Assert.Null(second.QuerySelector("div.pager a[rel=next]"));
    }

    [Fact]
    public async Task Each_search_is_audited_by_its_kind_without_what_was_typed()
    {
        await App.AddPersonAsync("Maria Lopez", phone: "+12125550143");
        var (client, me) = await App.SignedInAsync(StaffRoles.Coordinator);

        await SearchAsync(client, Q("(212) 555-0143") + "&stage=New");
        await SearchAsync(client, Q("Lopez"));
        await client.GetDocumentAsync("/staff/search");

        var rows = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "search").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(me.Id, r.UserId));
        Assert.StartsWith("Kind: Phone; stage: New; 1 found", rows[0].Details, StringComparison.Ordinal);
        Assert.StartsWith("Kind: Name", rows[1].Details, StringComparison.Ordinal);
        Assert.All(rows, r =>
        {
            Assert.DoesNotContain("555", r.Details!, StringComparison.Ordinal);
            Assert.DoesNotContain("Lopez", r.Details!, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Lopez", r.EntityId, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task An_unknown_filter_value_is_explained_and_nothing_is_searched()
    {
        var (client, _) = await App.SignedInAsync(StaffRoles.Coordinator);

        var response = await client.GetAsync(new Uri("/staff/search?stage=Sideways", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("Choose a stage from the list.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "search")));
    }
}

public sealed class SearchOnSqlite() : SearchTests(TestDatabaseKind.Sqlite);

public sealed class SearchOnPostgres() : SearchTests(TestDatabaseKind.Postgres);
