using System.Net;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Staff;

public abstract class SignInTests(TestDatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task A_wrong_authenticator_code_does_not_sign_in()
    {
        var staff = await App.CreateAsync(StaffRoles.Coordinator);
        var client = App.CreateBrowser();
        var password = await client.SubmitFormAsync("/staff/sign-in", [("Email", staff.Email), ("Password", staff.Password)]);
        Assert.Equal("/staff/sign-in/code", password.LocationPath());

        var code = await client.SubmitFormAsync(password.Headers.Location!.OriginalString, [("Code", StaffSteps.WrongCodeFor(staff.AuthenticatorKey))]);

        Assert.Equal(HttpStatusCode.OK, code.StatusCode);
        Assert.Contains("did not match", (await Forms.ParseAsync(code)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/staff/sign-in", (await client.GetPathAsync("/staff")).LocationPath());
    }

    [Fact]
    public async Task A_password_alone_never_reaches_a_staff_page_of_an_enrolled_account()
    {
        var staff = await App.CreateAsync(StaffRoles.Administrator);
        var client = App.CreateBrowser();
        await client.SubmitFormAsync("/staff/sign-in", [("Email", staff.Email), ("Password", staff.Password)]);

        Assert.Equal("/staff/sign-in", (await client.GetPathAsync("/staff")).LocationPath());
        // Nor is the enrolled key shown again to a session without the second factor.
        var enrolment = await client.GetPathAsync("/staff/authenticator");
        Assert.NotEqual(HttpStatusCode.OK, enrolment.StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var staff = await App.CreateAsync(StaffRoles.Coordinator);
        var client = App.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitFormAsync("/staff/sign-in", [("Email", staff.Email), ("Password", "not the password at all")]);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await client.SubmitFormAsync("/staff/sign-in", [("Email", staff.Email), ("Password", staff.Password)]);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", (await Forms.ParseAsync(right)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var user = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == staff.Id));
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.Equal("/staff/sign-in", (await client.GetPathAsync("/staff")).LocationPath());
    }

    [Fact]
    public async Task A_session_signed_in_with_the_authenticator_stays_signed_in_across_requests()
    {
        // Every request re-reads the account; the refreshed session must keep its second factor.
        var (client, _) = await App.SignedInAsync(StaffRoles.Administrator);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetPathAsync("/staff/admin/users")).StatusCode);
        }
    }
}

public sealed class SignInOnSqlite() : SignInTests(TestDatabaseKind.Sqlite);

public sealed class SignInOnPostgres() : SignInTests(TestDatabaseKind.Postgres);
