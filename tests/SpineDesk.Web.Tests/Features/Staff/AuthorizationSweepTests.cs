using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Web.Features.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Staff;

/// <summary>
/// Every endpoint of the app is either on the short list of public routes below, or refuses strangers, staff
/// whose roles its policy does not allow, and sessions without the authenticator (DESIGN.md §6). A new
/// endpoint is swept the moment it is mapped; opening one to the public means adding it here, on purpose.
/// </summary>
public abstract class AuthorizationSweepTests(TestDatabaseKind kind) : AppTest(kind)
{
    /// <summary>The routes anyone may open, as written in their @page directive or Map call.</summary>
    internal static readonly IReadOnlySet<string> PublicRoutes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/", // home
        "/{slug:regex(^(understanding-back-pain|treatment-options|cell-based-treatment)$)}", // education pages
        "/contact",
        "/contact/received",
        "/emergency",
        // The self-assessment (issue 3): anonymous by design, each page finds its answers by the browser's cookie.
        "/self-assessment",
        "/self-assessment/safety",
        "/self-assessment/emergency",
        "/self-assessment/questions/{pack}/{section:int:min(1)}",
        "/self-assessment/pain-drawing",
        "/self-assessment/summary",
        "/self-assessment/contact",
        "/error/{code:int?}",
        "/theme.css",
        "/staff/sign-in",
        "/staff/sign-in/code",
        "/staff/sign-out",
        "/staff/access-denied",
        "/staff/setup",
        "/staff/invitation",
    };

    /// <summary>The only page a session signed in with the password alone may open.</summary>
    internal static readonly IReadOnlySet<string> EnrolmentRoutes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/staff/authenticator",
    };

    [Fact]
    public async Task Every_endpoint_is_public_on_purpose_or_refuses_strangers_wrong_roles_and_password_only_sessions()
    {
        var sweep = new AuthorizationSweep(App, PublicRoutes, EnrolmentRoutes);

        var endpoints = await sweep.EndpointsAsync();
        var problems = await sweep.ProblemsAsync();

        // The sweep sees the app's real endpoints, staff and public alike.
        var routes = endpoints.Select(e => e.Route).ToList();
        Assert.Contains("/staff", routes);
        Assert.Contains("/staff/admin/users/{id}", routes);
        Assert.Contains("/contact", routes);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("/staff/queue/{id:int}", "/staff/queue/1")]
    [InlineData("/api/inquiries/{id:guid}/attempts", "/api/inquiries/3f2504e0-4f89-11d3-9a0c-0305e82c3301/attempts")]
    [InlineData("/error/{code:int?}", "/error/1")]
    [InlineData("/files/{**path}", "/files/1")]
    public void Route_parameters_get_a_plausible_value(string route, string url) =>
        Assert.Equal(url, AuthorizationSweep.UrlFor(RoutePatternFactory.Parse(route)));
}

public sealed class AuthorizationSweepOnSqlite() : AuthorizationSweepTests(TestDatabaseKind.Sqlite);

public sealed class AuthorizationSweepOnPostgres() : AuthorizationSweepTests(TestDatabaseKind.Postgres);

/// <summary>
/// The sweep itself catches the two mistakes it exists for: a page opened to the public without being on the
/// list, and an endpoint whose policy lets anyone through.
/// </summary>
public sealed class AuthorizationSweepCatchesMistakes() : AppTest(TestDatabaseKind.Sqlite)
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AllowAnonymousToPage("/Staff/Admin/Invite"));
        services.PostConfigure<AuthorizationOptions>(o => o.AddPolicy(StaffPolicies.Administration, p => p.RequireAssertion(_ => true)));
    }

    [Fact]
    public async Task An_unlisted_anonymous_page_and_an_open_policy_are_both_reported()
    {
        var problems = await new AuthorizationSweep(App, AuthorizationSweepTests.PublicRoutes, AuthorizationSweepTests.EnrolmentRoutes).ProblemsAsync();

        Assert.Contains(problems, p => p.StartsWith("/staff/admin/invite ", StringComparison.Ordinal) && p.Contains("not in the list of public routes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GET /staff/admin/users ", StringComparison.Ordinal) && p.Contains("anonymous", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("POST /staff/admin/users/1 ", StringComparison.Ordinal) && p.Contains("anonymous", StringComparison.Ordinal));
    }
}
