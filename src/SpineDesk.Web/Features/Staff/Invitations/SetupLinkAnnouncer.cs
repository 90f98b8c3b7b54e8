using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SpineDesk.Web.Features.Clinic;

namespace SpineDesk.Web.Features.Staff.Invitations;

/// <summary>
/// After the server has started (so its real address is known), prints the first-start setup link when the
/// clinic has no administrator yet. The link is a secret: it goes to the console only, never to the logger,
/// whose output is often shipped elsewhere.
/// </summary>
public sealed class SetupLinkAnnouncer(IServiceScopeFactory scopes, IServer server, IOptions<ClinicOptions> clinic) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<FirstAdministratorSetup>();
        var baseUrl = string.IsNullOrWhiteSpace(clinic.Value.PublicBaseUrl)
            ? ListeningAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            : clinic.Value.PublicBaseUrl;
        var link = await setup.CreateLinkAsync(baseUrl, cancellationToken);
        if (link is not null)
        {
            var hours = (int)StaffInvitations.SetupLinkLifetime.TotalHours;
            Console.WriteLine(FormattableString.Invariant(
                $"SpineDesk setup: open {link} to create the first administrator (valid {hours} hours; it works once)."));
        }
    }

    /// <summary>
    /// The address a person on this machine can open: https before http, and a wildcard binding such as
    /// http://[::]:5080 read as localhost. Empty when the server reports none (then the link is a path).
    /// </summary>
    internal static string ListeningAddress(IEnumerable<string> addresses)
    {
        var candidates = addresses
            .Select(a => a.TrimEnd('/'))
            .OrderBy(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ToList();
        if (candidates.Count == 0)
        {
            return "";
        }

        var address = candidates[0];
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return address;
        }

        var rest = address[(schemeEnd + 3)..];
        var portStart = rest.LastIndexOf(':');
        var (host, port) = portStart > 0 && !rest.EndsWith(']') ? (rest[..portStart], rest[portStart..]) : (rest, "");
        if (host is "+" or "*" or "0.0.0.0" or "[::]")
        {
            host = "localhost";
        }

        return address[..(schemeEnd + 3)] + host + port;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
