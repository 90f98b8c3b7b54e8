using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SpineDesk.BrowserTests.Infrastructure;

/// <summary>
/// The real SpineDesk app served by Kestrel on a free loopback port, so that a real browser can reach it,
/// on a SQLite database in a temporary folder of its own. Its services stay reachable for test setup.
/// </summary>
public sealed class SpineDeskServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spinedesk-browser-" + Guid.NewGuid().ToString("N"));

    /// <summary>The address the app listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri RootUri { get; private set; } = null!;

    public void Start()
    {
        Directory.CreateDirectory(_folder);
        // Port 0: the operating system picks a free port; Kestrel reports it once listening.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started but reported no listening address.");
        RootUri = new Uri(address.TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = Path.Combine(_folder, "data"),
            ["Email:PickupFolder"] = Path.Combine(_folder, "mail"),
            // Every test submits forms from 127.0.0.1; the per-address limit is covered by the HTTP tests.
            ["Intake:RateLimitPermits"] = "100000",
            ["Clinic:Name"] = "Test Spine Clinic",
            ["Clinic:DefaultPhoneRegion"] = "US",
            ["Clinic:EmergencyNumber"] = "911",
            ["Demo:SeedWhenEmpty"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held during a slow shutdown; it is in the temp folder, which the OS cleans.
        }
    }
}
