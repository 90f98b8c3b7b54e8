using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SpineDesk.Web.Features.Staff.Invitations;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Staff;

/// <summary>What a new staff member does, step by step, through the real pages.</summary>
internal static partial class StaffSteps
{
    public const string Password = "five unrelated words here";

    /// <summary>A fresh setup link, as the console would print it; the one made at start stops working.</summary>
    public static async Task<string> NewSetupLinkAsync(this SpineDeskApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var link = await scope.ServiceProvider.GetRequiredService<FirstAdministratorSetup>().CreateLinkAsync("http://localhost");
        Assert.NotNull(link);
        return PathOf(link);
    }

    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    /// <summary>The invitation link in an email body, as a path on this server.</summary>
    public static string LinkIn(string text)
    {
        var match = InvitationLink().Match(text);
        Assert.True(match.Success, "The email holds no invitation link.");
        return PathOf(match.Value);
    }

    public static Task<HttpResponseMessage> AcceptAsync(
        this HttpClient client, string link, string name = "Ana Admin", string? email = "ana@clinic.test", string password = Password, params (string, string)[] more)
    {
        var values = new List<(string, string)> { ("DisplayName", name), ("Password", password), ("ConfirmPassword", password) };
        if (email is not null)
        {
            values.Add(("Email", email));
        }

        values.AddRange(more);
        return client.SubmitFormAsync(link, values);
    }

    /// <summary>Reads the key from the enrolment page as a person would type it into their app.</summary>
    public static async Task<string> AuthenticatorKeyAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync("/staff/authenticator");
        return page.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
    }

    public static string CodeFor(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    /// <summary>A six-digit code that is not the current one (nor the neighbours Identity also accepts).</summary>
    public static string WrongCodeFor(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var now = DateTime.UtcNow;
        var accepted = new[] { -90, -60, -30, 0, 30, 60, 90 }.Select(s => totp.ComputeTotp(now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !accepted.Contains(c));
    }

    public static async Task<string> EnrolAsync(this HttpClient client)
    {
        var key = await client.AuthenticatorKeyAsync();
        var response = await client.SubmitFormAsync("/staff/authenticator", [("Code", CodeFor(key))]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
        return key;
    }

    public static async Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string url) =>
        await client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>Where a redirect points, as a path: the cookie handler writes absolute URLs, pages relative ones.</summary>
    public static string? LocationPath(this HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.AbsolutePath
        : location.OriginalString.Split('?')[0];

    [GeneratedRegex(@"https?://\S+/staff/invitation\?token=[A-Za-z0-9_\-%]+")]
    private static partial Regex InvitationLink();
}
