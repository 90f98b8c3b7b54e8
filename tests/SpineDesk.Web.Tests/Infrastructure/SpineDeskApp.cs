using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Data;

namespace SpineDesk.Web.Tests.Infrastructure;

/// <summary>
/// The whole SpineDesk app in memory (TestServer), on a database of its own, configured as a clinic would
/// configure it. Settings can be changed per test.
/// </summary>
public sealed class SpineDeskApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private SpineDeskApp(TestDatabase database, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        Database = database;
        _settings = settings;
        _services = services;
    }

    public TestDatabase Database { get; }

    public string PickupFolder { get; private set; } = "";

    public static async Task<SpineDeskApp> StartAsync(
        TestDatabaseKind kind,
        Action<Dictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var pickup = Path.Combine(Path.GetTempPath(), "spinedesk-mail-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = kind == TestDatabaseKind.Postgres ? "Postgres" : "Sqlite",
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Email:PickupFolder"] = pickup,
            ["Email:PollInterval"] = "00:00:00.200",
            ["Intake:RateLimitPermits"] = "10000",
            ["Clinic:Name"] = "Test Spine Clinic",
            ["Clinic:DefaultPhoneRegion"] = "US",
            ["Clinic:EmergencyNumber"] = "911",
            ["Demo:SeedWhenEmpty"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        configure?.Invoke(settings);
        var app = new SpineDeskApp(database, settings, services) { PickupFolder = settings["Email:PickupFolder"]! };
        _ = app.Server; // start now, so a broken start fails the test setup
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects so tests can see them.</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs a piece of work against the app's database in its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<SpineDeskDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpineDeskDbContext>();
        return await work(db);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(PickupFolder))
        {
            Directory.Delete(PickupFolder, recursive: true);
        }
    }
}
