using Microsoft.Playwright;

namespace SpineDesk.BrowserTests.Infrastructure;

/// <summary>
/// One SpineDesk app and one headless chromium for the whole collection. Each test opens its own browser
/// context (fresh cookies and storage) and makes its own data, so no test depends on another's.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    /// <summary>A phone held upright: the smallest screen the site promises to work on.</summary>
    public static BrowserNewContextOptions Phone() => new()
    {
        ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = 1,
    };

    public static BrowserNewContextOptions Desktop() => new()
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
    };

    public SpineDeskServer Server { get; } = new();

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // Generous for a shared 2-core CI machine; Expect still returns as soon as the condition holds.
        Assertions.SetDefaultExpectTimeout(15_000);
        var executable = Chromium.Executable();
        Server.Start();
        // The Playwright driver (node and its package) ships inside the NuGet package and is copied to bin;
        // nothing is downloaded. The browser is the machine's chromium, never a Playwright build.
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>A new private browsing session on the app, e.g. a phone or a desktop.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= Desktop();
        options.BaseURL = Server.RootUri.ToString();
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedSite : ICollectionFixture<SiteFixture>
{
    public const string Name = "SpineDesk in chromium";
}
