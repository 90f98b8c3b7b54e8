using Microsoft.Extensions.DependencyInjection;

namespace SpineDesk.Web.Tests.Infrastructure;

/// <summary>
/// Base of the integration tests: a fresh app on a fresh database per test. Each test class is declared
/// twice, once per database, by a sealed subclass naming the <see cref="TestDatabaseKind"/>.
/// </summary>
public abstract class AppTest(TestDatabaseKind kind) : IAsyncLifetime
{
    protected TestDatabaseKind Kind { get; } = kind;

    protected SpineDeskApp App { get; private set; } = null!;

    /// <summary>Change settings before the app starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Replace services before the app starts.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async ValueTask InitializeAsync() =>
        App = await SpineDeskApp.StartAsync(Kind, Configure, ConfigureServices);

    public virtual async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
