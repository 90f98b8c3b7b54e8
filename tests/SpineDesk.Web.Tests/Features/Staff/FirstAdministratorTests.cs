using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Staff;
using SpineDesk.Web.Features.Staff.Invitations;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Staff;

public abstract class FirstAdministratorTests(TestDatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task Starting_without_an_administrator_creates_one_setup_link_for_24_hours()
    {
        var invitation = await App.WithDbAsync(db => db.StaffInvitations.SingleAsync());

        Assert.Null(invitation.Email);
        Assert.Equal(StaffRoles.Administrator, invitation.Roles);
        Assert.Null(invitation.AcceptedAt);
        Assert.Equal(TimeSpan.FromHours(24), invitation.ExpiresAt - invitation.CreatedAt);
        Assert.Matches("^[0-9a-f]{64}$", invitation.TokenHash);
    }

    [Fact]
    public async Task The_setup_link_creates_the_first_administrator_who_must_enrol_the_authenticator_first()
    {
        var link = await App.NewSetupLinkAsync();
        var client = App.CreateBrowser();

        var created = await client.AcceptAsync(link, more: ("AlsoCoordinator", "true"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/staff/authenticator", created.LocationPath());
        // Signed in with the password only: every staff page sends the new administrator to enrolment.
        foreach (var page in (string[])["/staff", "/staff/admin/users"])
        {
            var response = await client.GetPathAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/staff/authenticator", response.LocationPath());
        }

        var key = await client.AuthenticatorKeyAsync();
        var wrong = await client.SubmitFormAsync("/staff/authenticator", [("Code", StaffSteps.WrongCodeFor(key))]);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("did not match", (await Forms.ParseAsync(wrong)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/staff/authenticator", (await client.GetPathAsync("/staff")).LocationPath());

        await client.EnrolAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetPathAsync("/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetPathAsync("/staff/admin/users")).StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var admin = await users.FindByEmailAsync("ana@clinic.test");
        Assert.NotNull(admin);
        Assert.Equal("Ana Admin", admin.DisplayName);
        Assert.True(admin.TwoFactorEnabled);
        Assert.Equal([StaffRoles.Administrator, StaffRoles.Coordinator], (await users.GetRolesAsync(admin)).Order());
        var invitation = await App.WithDbAsync(db => db.StaffInvitations.SingleAsync(i => i.AcceptedAt != null));
        Assert.Equal(admin.Id, invitation.AcceptedById);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Contains(StaffAuditActions.InvitationAccepted, audit);
        Assert.Contains(StaffAuditActions.AccountCreated, audit);
    }

    [Fact]
    public async Task The_setup_page_offers_the_coordinator_and_clinician_roles_unticked()
    {
        var page = await App.CreateBrowser().GetDocumentAsync(await App.NewSetupLinkAsync());

        Assert.Equal("Create the first administrator account", page.QuerySelector("h1")!.TextContent.Trim());
        foreach (var id in (string[])["AlsoCoordinator", "AlsoClinician"])
        {
            var box = page.QuerySelector($"#{id}") as IHtmlInputElement;
            Assert.NotNull(box);
            Assert.False(box.IsChecked);
            Assert.NotNull(page.QuerySelector($"label[for={id}]"));
        }

        Assert.Equal("Other work you do at the clinic", page.QuerySelector("fieldset legend")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_setup_link_cannot_be_used_twice()
    {
        var link = await App.NewSetupLinkAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await App.CreateBrowser().AcceptAsync(link)).StatusCode);

        var again = App.CreateBrowser();
        var response = await again.GetPathAsync(link);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("already been used", page.QuerySelector("#invitation-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
        Assert.Equal(1, await App.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_double_submitted_setup_form_creates_one_account()
    {
        var link = await App.NewSetupLinkAsync();
        var client = App.CreateBrowser();
        var form = await client.GetDocumentAsync(link);
        (string, string)[] values = [("DisplayName", "Ana"), ("Email", "ana@clinic.test"), ("Password", StaffSteps.Password), ("ConfirmPassword", StaffSteps.Password)];

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.SubmitFormAsync(form, values, "main form[method=post]", link)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.True(r.StatusCode is HttpStatusCode.Gone or HttpStatusCode.BadRequest, $"answered {r.StatusCode}"));
        Assert.Equal(1, await App.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_new_setup_link_replaces_the_earlier_one()
    {
        var first = await App.NewSetupLinkAsync();
        var second = await App.NewSetupLinkAsync();

        var old = await App.CreateBrowser().GetPathAsync(first);
        Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
        Assert.Contains("replaced by a newer one", (await Forms.ParseAsync(old)).QuerySelector("#invitation-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateBrowser().GetPathAsync(second)).StatusCode);
    }

    [Fact]
    public async Task Once_an_administrator_exists_there_is_no_setup_link_and_an_open_one_stops_working()
    {
        var link = await App.NewSetupLinkAsync();
        await App.CreateAsync(StaffRoles.Administrator);

        var response = await App.CreateBrowser().GetPathAsync(link);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("already has an administrator", (await Forms.ParseAsync(response)).QuerySelector("#invitation-problem")!.TextContent, StringComparison.Ordinal);

        await using var scope = App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<FirstAdministratorSetup>().CreateLinkAsync("http://localhost"));
    }

    [Theory]
    [InlineData("short pass", StaffSteps.Password, "Password")]
    [InlineData(StaffSteps.Password, "something else entirely", "ConfirmPassword")]
    public async Task A_weak_or_mistyped_password_gives_a_field_message_and_creates_nothing(string password, string confirmation, string field)
    {
        var link = await App.NewSetupLinkAsync();

        var response = await App.CreateBrowser().SubmitFormAsync(link, [("DisplayName", "Ana"), ("Email", "ana@clinic.test"), ("Password", password), ("ConfirmPassword", confirmation)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"#{field}-error")?.TextContent));
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{field}']"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.StaffInvitations.CountAsync(i => i.AcceptedAt != null)));
    }
}

public sealed class FirstAdministratorOnSqlite() : FirstAdministratorTests(TestDatabaseKind.Sqlite);

public sealed class FirstAdministratorOnPostgres() : FirstAdministratorTests(TestDatabaseKind.Postgres);

public sealed class SetupLinkAddressTests
{
    [Theory]
    [InlineData(new[] { "http://[::]:5080" }, "http://localhost:5080")]
    [InlineData(new[] { "http://0.0.0.0:8080", "https://+:8443" }, "https://localhost:8443")]
    [InlineData(new[] { "http://localhost:5080/" }, "http://localhost:5080")]
    [InlineData(new[] { "http://127.0.0.1:5000" }, "http://127.0.0.1:5000")]
    [InlineData(new string[0], "")]
    public void The_printed_link_uses_an_address_a_person_can_open(string[] addresses, string expected) =>
        Assert.Equal(expected, SetupLinkAnnouncer.ListeningAddress(addresses));
}
