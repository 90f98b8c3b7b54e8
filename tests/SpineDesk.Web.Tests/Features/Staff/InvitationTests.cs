using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Staff;
using SpineDesk.Web.Features.Staff.Invitations;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Staff;

public abstract class InvitationTests(TestDatabaseKind kind) : AppTest(kind)
{
    private static (string, string)[] Invite(string email = "carla@clinic.test", params string[] roles) =>
        [("Email", email), ("DisplayName", "Carla Coordinator"), .. roles.Select(r => ("Roles", r))];

    [Fact]
    public async Task An_invitation_queues_an_email_whose_link_creates_the_account_with_its_roles()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);

        var response = await admin.SubmitFormAsync("/staff/admin/invite", Invite(roles: [StaffRoles.Coordinator, StaffRoles.Clinician]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/admin/users", response.LocationPath());
        var message = await App.WithDbAsync(db => db.OutboxMessages.SingleAsync());
        Assert.Equal(InvitationEmail.Kind, message.Kind);
        Assert.Equal("carla@clinic.test", message.ToAddress);
        var link = StaffSteps.LinkIn(message.TextBody);
        var token = Uri.UnescapeDataString(link.Split("token=")[1]);
        var invitation = await App.WithDbAsync(db => db.StaffInvitations.SingleAsync(i => i.Email == "carla@clinic.test"));
        Assert.Equal(InvitationTokens.Hash(token), invitation.TokenHash);
        Assert.DoesNotContain(token, invitation.TokenHash, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(7), invitation.ExpiresAt - invitation.CreatedAt);
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.ToListAsync()), a =>
            a.Action == StaffAuditActions.InvitationCreated && a.EntityType == "StaffInvitation" && a.EntityId == invitation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var carla = App.CreateBrowser();
        var page = await carla.GetDocumentAsync(link);
        Assert.Equal("carla@clinic.test", page.QuerySelector("#invited-email")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("input[name=Email]"));
        Assert.Null(page.QuerySelector("#AlsoCoordinator"));
        // The address is the one invited, whatever the form sends.
        var created = await carla.AcceptAsync(link, "Carla", email: "someone-else@clinic.test");
        Assert.Equal("/staff/authenticator", created.LocationPath());

        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var account = await users.FindByEmailAsync("carla@clinic.test");
        Assert.NotNull(account);
        Assert.Null(await users.FindByEmailAsync("someone-else@clinic.test"));
        Assert.Equal([StaffRoles.Clinician, StaffRoles.Coordinator], (await users.GetRolesAsync(account)).Order());
        Assert.Equal("/staff/authenticator", (await carla.GetPathAsync("/staff")).LocationPath());
        await carla.EnrolAsync();
        Assert.Equal(HttpStatusCode.OK, (await carla.GetPathAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task Open_invitations_are_listed_and_a_withdrawn_link_no_longer_works()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);
        await admin.SubmitFormAsync("/staff/admin/invite", Invite(roles: StaffRoles.Researcher));
        var link = StaffSteps.LinkIn(await App.WithDbAsync(db => db.OutboxMessages.Select(m => m.TextBody).SingleAsync()));
        var invitation = await App.WithDbAsync(db => db.StaffInvitations.SingleAsync(i => i.Email != null));

        var list = await admin.GetDocumentAsync("/staff/admin/users");
        var row = list.QuerySelector($"#invitations-table tr[data-invitation-id='{invitation.Id}']");
        Assert.NotNull(row);
        Assert.Contains("carla@clinic.test", row.TextContent, StringComparison.Ordinal);

        var revoked = await admin.SubmitFormAsync(list, [], $"#revoke-{invitation.Id}", "/staff/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var response = await App.CreateBrowser().GetPathAsync(link);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("expired or was withdrawn", (await Forms.ParseAsync(response)).QuerySelector("#invitation-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await admin.GetDocumentAsync("/staff/admin/users")).QuerySelector($"tr[data-invitation-id='{invitation.Id}']"));
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.ToListAsync()), a =>
            a.Action == StaffAuditActions.InvitationWithdrawn && a.EntityType == "StaffInvitation");
    }

    [Fact]
    public async Task A_second_invitation_to_the_same_address_replaces_the_first()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);
        await admin.SubmitFormAsync("/staff/admin/invite", Invite(roles: StaffRoles.Coordinator));
        await admin.SubmitFormAsync("/staff/admin/invite", Invite("Carla@Clinic.test", StaffRoles.Clinician));

        var links = (await App.WithDbAsync(db => db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.TextBody).ToListAsync())).Select(StaffSteps.LinkIn).ToList();

        Assert.Equal(HttpStatusCode.Gone, (await App.CreateBrowser().GetPathAsync(links[0])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateBrowser().GetPathAsync(links[1])).StatusCode);
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_with_a_message()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);
        await admin.SubmitFormAsync("/staff/admin/invite", Invite(roles: StaffRoles.Coordinator));
        var link = StaffSteps.LinkIn(await App.WithDbAsync(db => db.OutboxMessages.Select(m => m.TextBody).SingleAsync()));
        var carla = App.CreateBrowser();
        var openedInTime = await carla.GetDocumentAsync(link);
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await App.WithDbAsync(db => db.StaffInvitations.Where(i => i.Email != null).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, past)));

        var response = await carla.GetPathAsync(link);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("expired", (await Forms.ParseAsync(response)).QuerySelector("#invitation-problem")!.TextContent, StringComparison.Ordinal);
        // Sending the form of a page left open since before the expiry creates nothing either.
        var late = await carla.SubmitFormAsync(openedInTime, [("DisplayName", "Carla"), ("Password", StaffSteps.Password), ("ConfirmPassword", StaffSteps.Password)], "main form[method=post]", link);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Null(await App.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == "carla@clinic.test")));
    }

    [Theory]
    [InlineData("/staff/invitation?token=not-a-real-token")]
    [InlineData("/staff/invitation")]
    [InlineData("/staff/setup?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_token_is_refused_with_a_message(string url)
    {
        var response = await App.CreateBrowser().GetPathAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("not valid", page.QuerySelector("#invitation-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
    }

    [Theory]
    [InlineData("not-an-address", "Coordinator", "Email")]
    [InlineData("carla@clinic.test", null, "Roles")]
    public async Task A_wrong_invitation_form_gives_a_field_message_and_sends_nothing(string email, string? role, string field)
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);

        var response = await admin.SubmitFormAsync("/staff/admin/invite", role is null ? Invite(email) : Invite(email, role));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await Forms.ParseAsync(response)).QuerySelector($"#{field}-error")?.TextContent));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.StaffInvitations.CountAsync(i => i.Email != null)));
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_is_not_invited_again()
    {
        var (admin, staff) = await App.SignedInAsync(StaffRoles.Administrator);

        var response = await admin.SubmitFormAsync("/staff/admin/invite", Invite(staff.Email, StaffRoles.Coordinator));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("already exists", (await Forms.ParseAsync(response)).QuerySelector("#Email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }
}

public sealed class InvitationOnSqlite() : InvitationTests(TestDatabaseKind.Sqlite);

public sealed class InvitationOnPostgres() : InvitationTests(TestDatabaseKind.Postgres);
