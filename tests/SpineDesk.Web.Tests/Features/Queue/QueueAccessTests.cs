using System.Net;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Clinical;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Queue;

/// <summary>The queue and inquiry pages are for coordinators and clinicians only.</summary>
public abstract class QueueAccessTests(TestDatabaseKind kind) : AppTest(kind)
{
    private async Task<string[]> PagesAsync()
    {
        var id = await App.AddInquiryAsync("Sam Patient", Urgency.Routine, DateTime.UtcNow.AddHours(-1));
        return ["/staff/queue", $"/staff/inquiries/{id}"];
    }

    [Theory]
    [InlineData(StaffRoles.Researcher)]
    [InlineData(StaffRoles.Administrator)]
    public async Task Other_roles_are_refused_with_403(string role)
    {
        var (client, _) = await App.SignedInAsync(role);

        foreach (var url in await PagesAsync())
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery;
            Assert.StartsWith("/staff/access-denied", location, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(location, UriKind.Relative))).StatusCode);

            using var json = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            json.Headers.Accept.ParseAdd("application/json");
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(json)).StatusCode);
        }

        Assert.Empty(await App.WithDbAsync(db => db.AuditEntries.ToListAsync()));
    }

    [Fact]
    public async Task Another_role_cannot_change_an_inquiry()
    {
        var pages = await PagesAsync();
        var (client, _) = await App.SignedInAsync(StaffRoles.Researcher);
        using var form = new FormUrlEncodedContent([new("Version", "0")]);

        var response = await client.PostAsync(new Uri(pages[1] + "?handler=Claim", UriKind.Relative), form);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Null(await App.WithDbAsync(db => db.Inquiries.Select(i => i.OwnerId).SingleAsync()));
        Assert.Empty(await App.WithDbAsync(db => db.AuditEntries.ToListAsync()));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var client = App.CreateBrowser();

        foreach (var url in await PagesAsync())
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/staff/sign-in", new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(StaffRoles.Coordinator)]
    [InlineData(StaffRoles.Clinician)]
    public async Task Coordinators_and_clinicians_may_open_them(string role)
    {
        var (client, _) = await App.SignedInAsync(role);

        foreach (var url in await PagesAsync())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
    }
}

public sealed class QueueAccessOnSqlite() : QueueAccessTests(TestDatabaseKind.Sqlite);

public sealed class QueueAccessOnPostgres() : QueueAccessTests(TestDatabaseKind.Postgres);
