using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Staff;

public abstract class AdministrationTests(TestDatabaseKind kind) : AppTest(kind)
{
    private static string PageOf(TestStaff staff) => $"/staff/admin/users/{staff.Id}";

    private Task<List<SpineDesk.Data.Audit.AuditEntry>> AuditOfAsync(TestStaff staff) =>
        App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "StaffUser" && a.EntityId == staff.Id).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task The_staff_list_shows_roles_authenticator_and_lock_state()
    {
        var (admin, me) = await App.SignedInAsync(StaffRoles.Administrator);
        var coordinator = await App.CreateAsync(StaffRoles.Coordinator, StaffRoles.Clinician);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByIdAsync(coordinator.Id);
            await users.SetTwoFactorEnabledAsync(user!, false);
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddMinutes(10));
        }

        var page = await admin.GetDocumentAsync("/staff/admin/users");

        var cells = page.QuerySelectorAll($"tr[data-user-id='{coordinator.Id}'] td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([coordinator.Email, "Clinician, Coordinator", "No", "Yes"], cells);
        var mine = page.QuerySelectorAll($"tr[data-user-id='{me.Id}'] td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([me.Email, "Administrator", "Yes", "No"], mine);
    }

    [Fact]
    public async Task Role_changes_take_effect_at_the_persons_next_request_and_are_audited()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);
        var (other, staff) = await App.SignedInAsync(StaffRoles.Coordinator);
        Assert.Equal("/staff/access-denied", (await other.GetPathAsync("/staff/admin/users")).LocationPath());

        var granted = await admin.SubmitFormAsync(PageOf(staff), [("Roles", StaffRoles.Coordinator), ("Roles", StaffRoles.Administrator)], "#roles-form");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetPathAsync("/staff/admin/users")).StatusCode);

        var withdrawn = await admin.SubmitFormAsync(PageOf(staff), [("Roles", StaffRoles.Researcher)], "#roles-form");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal("/staff/access-denied", (await other.GetPathAsync("/staff/admin/users")).LocationPath());
        Assert.Equal(HttpStatusCode.OK, (await other.GetPathAsync("/staff")).StatusCode);
        Assert.Equal(StaffRoles.Researcher, (await admin.GetDocumentAsync(PageOf(staff))).QuerySelector("#current-roles")!.TextContent.Trim());

        var audit = await AuditOfAsync(staff);
        Assert.Equal([StaffAuditActions.RolesChanged, StaffAuditActions.RolesChanged], audit.Select(a => a.Action));
        Assert.Equal("Roles: Administrator, Coordinator → Researcher.", audit[1].Details);
        Assert.All(audit, a => Assert.NotNull(a.UserId));
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role_or_lock_themselves()
    {
        var (admin, me) = await App.SignedInAsync(StaffRoles.Administrator);

        var demoted = await admin.SubmitFormAsync(PageOf(me), [("Roles", StaffRoles.Coordinator)], "#roles-form");
        Assert.Equal(HttpStatusCode.BadRequest, demoted.StatusCode);
        Assert.Contains("cannot remove your own Administrator role", (await Forms.ParseAsync(demoted)).QuerySelector("#change-error")!.TextContent, StringComparison.Ordinal);

        var page = await admin.GetDocumentAsync(PageOf(me));
        Assert.Null(page.QuerySelector("#lock-form"));
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", page.QuerySelector("#roles-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);
        var locked = await admin.PostAsync(new Uri($"{PageOf(me)}?handler=Lock", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("cannot lock your own account", (await Forms.ParseAsync(locked)).QuerySelector("#change-error")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetPathAsync("/staff/admin/users")).StatusCode);
        Assert.Empty(await AuditOfAsync(me));
        // Adding a role to oneself is fine, and keeps the session.
        var more = await admin.SubmitFormAsync(PageOf(me), [("Roles", StaffRoles.Administrator), ("Roles", StaffRoles.Clinician)], "#roles-form");
        Assert.Equal(HttpStatusCode.Redirect, more.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetPathAsync("/staff/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Locking_signs_the_person_out_and_stops_sign_in_until_unlocked()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);
        var (other, staff) = await App.SignedInAsync(StaffRoles.Coordinator);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(PageOf(staff), [], "#lock-form")).StatusCode);

        Assert.Equal("/staff/sign-in", (await other.GetPathAsync("/staff")).LocationPath());
        var refused = await App.CreateBrowser().SubmitFormAsync("/staff/sign-in", [("Email", staff.Email), ("Password", staff.Password)]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("locked by an administrator", (await Forms.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Locked by an administrator", (await admin.GetDocumentAsync(PageOf(staff))).QuerySelector("#lock-state")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(PageOf(staff), [], "#unlock-form")).StatusCode);
        var again = App.CreateBrowser();
        await again.SignInAsync(staff);
        Assert.Equal(HttpStatusCode.OK, (await again.GetPathAsync("/staff")).StatusCode);
        Assert.Equal([StaffAuditActions.Locked, StaffAuditActions.Unlocked], (await AuditOfAsync(staff)).Select(a => a.Action));
    }

    [Fact]
    public async Task Resetting_the_authenticator_forces_a_new_enrolment()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);
        var (other, staff) = await App.SignedInAsync(StaffRoles.Clinician);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(PageOf(staff), [], "#reset-authenticator-form")).StatusCode);

        Assert.Equal("/staff/sign-in", (await other.GetPathAsync("/staff")).LocationPath());
        var client = App.CreateBrowser();
        var password = await client.SubmitFormAsync("/staff/sign-in", [("Email", staff.Email), ("Password", staff.Password)]);
        Assert.Equal("/staff/authenticator", password.LocationPath());
        Assert.Equal("/staff/authenticator", (await client.GetPathAsync("/staff")).LocationPath());
        var key = await client.AuthenticatorKeyAsync();
        Assert.NotEqual(staff.AuthenticatorKey, key);
        // The old phone's code does not complete the enrolment.
        var old = await client.SubmitFormAsync("/staff/authenticator", [("Code", staff.CurrentCode())]);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await client.EnrolAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetPathAsync("/staff")).StatusCode);
        Assert.Equal([StaffAuditActions.AuthenticatorReset], (await AuditOfAsync(staff)).Select(a => a.Action));
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        var (admin, _) = await App.SignedInAsync(StaffRoles.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPathAsync("/staff/admin/users/no-such-id")).StatusCode);
    }
}

public sealed class AdministrationOnSqlite() : AdministrationTests(TestDatabaseKind.Sqlite);

public sealed class AdministrationOnPostgres() : AdministrationTests(TestDatabaseKind.Postgres);
