using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SpineDesk.Web.Features.Staff.Invitations;

/// <summary>
/// The secret in an invitation link. Only its SHA-256 hash is stored, so a copy of the database does not
/// hand out working links.
/// </summary>
public static class InvitationTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>The configured public address of the site, or the address this request came to.</summary>
    public static string BaseUrl(HttpRequest request, string? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.IsNullOrWhiteSpace(publicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : publicBaseUrl;
    }

    /// <summary>
    /// The link a person opens: the first-start setup page for the setup invitation, the invitation page
    /// otherwise. <paramref name="baseUrl"/> may be empty, which gives a path on this server.
    /// </summary>
    public static string Link(string baseUrl, bool isSetup, string token)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var path = isSetup ? "/staff/setup" : "/staff/invitation";
        return $"{baseUrl.TrimEnd('/')}{path}?token={Uri.EscapeDataString(token)}";
    }
}
