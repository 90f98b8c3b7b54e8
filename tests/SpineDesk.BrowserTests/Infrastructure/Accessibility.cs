using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SpineDesk.BrowserTests.Infrastructure;

public static class Accessibility
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>
    /// Runs axe-core on the page and fails with every serious or critical violation it finds. Playwright
    /// evaluates axe through the DevTools protocol, which the app's strict Content-Security-Policy does not
    /// block, so the pages are checked under their real policy (no BypassCSP).
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(this IPage page)
    {
        var report = await SeriousViolationsAsync(page);
        if (report is not null)
        {
            Assert.Fail(report);
        }
    }

    /// <summary>Every serious or critical violation axe-core finds on the page, described; null when none.</summary>
    public static async Task<string?> SeriousViolationsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var blocking = result.Violations
            .Where(v => BlockingImpacts.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (blocking.Count == 0)
        {
            return null;
        }

        var report = string.Join(
            Environment.NewLine,
            blocking.Select(v =>
                $"- {v.Id} ({v.Impact}): {v.Help}{Environment.NewLine}" +
                string.Join(Environment.NewLine, v.Nodes.Select(n => $"    at {n.Target}: {Shorten(n.Html)}"))));
        return $"axe found {blocking.Count} serious or critical accessibility violation(s) on {page.Url}:{Environment.NewLine}{report}";
    }

    private static string Shorten(string? html) =>
        html is null ? "" : html.Length <= 160 ? html : html[..160] + "…";
}
