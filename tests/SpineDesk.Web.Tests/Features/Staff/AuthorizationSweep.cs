using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Data.Staff;
using SpineDesk.Web.Features.Staff;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Staff;

/// <summary>One endpoint of the app as the sweep sees it.</summary>
internal sealed record SweptEndpoint(string Route, string Url, IReadOnlyList<string> Methods, bool AllowsAnonymous, AuthorizationPolicy Policy, string Name)
{
    public bool IsApi => Url.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || Url == "/api";
}

/// <summary>
/// Walks every endpoint the app has (from its <see cref="EndpointDataSource"/>, so a new endpoint is included
/// the moment it is mapped) and tries it over HTTP as strangers, as staff whose roles its policy does not
/// allow, and as a session that has not completed the authenticator. Returns every problem found.
/// </summary>
internal sealed class AuthorizationSweep(SpineDeskApp app, IReadOnlySet<string> publicRoutes, IReadOnlySet<string> enrolmentRoutes)
{
    public async Task<IReadOnlyList<SweptEndpoint>> EndpointsAsync()
    {
        var provider = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var result = new List<SweptEndpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true)
            {
                continue;
            }

            // The same combination the authorization middleware makes, fallback policy included.
            var policy = await AuthorizationPolicy.CombineAsync(
                provider,
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() is { Count: > 0 } m ? m : ["GET", "POST"];
            result.Add(new SweptEndpoint(
                route,
                UrlFor(endpoint.RoutePattern),
                methods,
                endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                policy ?? new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build(),
                endpoint.DisplayName ?? route));
        }

        return result;
    }

    public async Task<List<string>> ProblemsAsync()
    {
        var endpoints = await EndpointsAsync();
        var problems = new List<string>();
        var anonymous = app.CreateBrowser();
        var byRole = new Dictionary<string, HttpClient>();
        foreach (var role in StaffRoles.All)
        {
            byRole[role] = (await app.SignedInAsync(role)).Client;
        }

        var passwordOnly = await PasswordOnlySessionAsync();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.AllowsAnonymous)
            {
                if (!publicRoutes.Contains(endpoint.Route))
                {
                    problems.Add($"{endpoint.Route} ({endpoint.Name}) allows anonymous access but is not in the list of public routes.");
                }

                continue;
            }

            foreach (var method in endpoint.Methods)
            {
                var response = await SendAsync(anonymous, method, endpoint.Url);
                if (!RefusedAnonymous(endpoint, response))
                {
                    problems.Add($"{method} {endpoint.Url} ({endpoint.Route}) is not refused to an anonymous visitor: {Describe(response)}.");
                }
            }

            foreach (var role in StaffRoles.All)
            {
                if (await AllowsAsync(endpoint.Policy, [role], StaffPolicies.MfaClaimValue))
                {
                    continue;
                }

                foreach (var method in endpoint.Methods)
                {
                    var response = await SendAsync(byRole[role], method, endpoint.Url);
                    if (!Forbidden(endpoint, response, "/staff/access-denied"))
                    {
                        problems.Add($"{method} {endpoint.Url} ({endpoint.Route}) is not refused to a {role}, whom its policy does not allow: {Describe(response)}.");
                    }
                }
            }

            if (await AllowsAsync(endpoint.Policy, StaffRoles.All, "pwd"))
            {
                if (!enrolmentRoutes.Contains(endpoint.Route))
                {
                    problems.Add($"{endpoint.Route} accepts a session signed in without the authenticator, and is not the enrolment page.");
                }

                continue;
            }

            foreach (var method in endpoint.Methods)
            {
                var response = await SendAsync(passwordOnly, method, endpoint.Url);
                if (!Forbidden(endpoint, response, "/staff/authenticator", "/staff/access-denied"))
                {
                    problems.Add($"{method} {endpoint.Url} ({endpoint.Route}) is not refused to a session without the authenticator: {Describe(response)}.");
                }
            }
        }

        var routes = endpoints.Select(e => e.Route).ToHashSet();
        problems.AddRange(publicRoutes.Concat(enrolmentRoutes).Where(r => !routes.Contains(r)).Select(r => $"{r} is allowed in the test but no longer exists; remove it from the list."));
        return problems;
    }

    /// <summary>A staff member holding every role who signed in with the password but never enrolled.</summary>
    private async Task<HttpClient> PasswordOnlySessionAsync()
    {
        var staff = await app.CreateAsync([.. StaffRoles.All]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(staff.Id))!, false);
        }

        var client = app.CreateBrowser();
        var signedIn = await client.SubmitFormAsync("/staff/sign-in", [("Email", staff.Email), ("Password", staff.Password)]);
        Assert.Equal("/staff/authenticator", signedIn.LocationPath());
        return client;
    }

    private async Task<bool> AllowsAsync(AuthorizationPolicy policy, IEnumerable<string> roles, string authenticationMethod)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "sweep"), new(ClaimTypes.Name, "sweep@clinic.test"), new(StaffPolicies.MfaClaimType, authenticationMethod) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.ApplicationScheme));
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(principal, null, policy)).Succeeded;
    }

    private static bool RefusedAnonymous(SweptEndpoint endpoint, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        || !endpoint.IsApi && response.StatusCode == HttpStatusCode.Redirect && response.LocationPath() == "/staff/sign-in";

    private static bool Forbidden(SweptEndpoint endpoint, HttpResponseMessage response, params string[] pages) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || !endpoint.IsApi && response.StatusCode == HttpStatusCode.Redirect && pages.Contains(response.LocationPath());

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        return await client.SendAsync(request);
    }

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode}{(response.Headers.Location is { } l ? " to " + l : "")}";

    /// <summary>The route with a plausible value for each parameter, such as 1 for {id:int}.</summary>
    internal static string UrlFor(RoutePattern pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => SampleValue(parameter),
                    _ => "",
                });
            }

            segments.Add(text.ToString());
        }

        return "/" + string.Join('/', segments);
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        return constraints switch
        {
            _ when constraints.Contains("guid") => "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            _ when constraints.Contains("bool") => "true",
            _ when constraints.Any(c => c.StartsWith("datetime", StringComparison.Ordinal)) => "2025-01-01",
            _ => parameter.Default is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "1" : "1",
        };
    }
}
