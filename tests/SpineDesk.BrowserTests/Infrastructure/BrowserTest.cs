using Microsoft.Playwright;

namespace SpineDesk.BrowserTests.Infrastructure;

/// <summary>
/// Base of the browser tests: opens pages in private browser contexts and closes them after the test.
/// Each concrete class carries <c>[Collection(SharedSite.Name)]</c> to share the app and the browser.
/// </summary>
public abstract class BrowserTest(SiteFixture site) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    protected SiteFixture Site { get; } = site;

    protected async Task<IPage> OpenAsync(BrowserNewContextOptions? options = null)
    {
        var page = await Site.NewPageAsync(options);
        _contexts.Add(page.Context);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }
}
