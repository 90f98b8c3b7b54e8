using Microsoft.Playwright;

namespace SpineDesk.BrowserTests.Infrastructure;

public static class PageChecks
{
    /// <summary>Fails when the page is wider than its viewport, i.e. a person would have to scroll sideways.</summary>
    public static async Task AssertNoHorizontalScrollAsync(this IPage page)
    {
        var problem = await HorizontalScrollAsync(page);
        if (problem is not null)
        {
            Assert.Fail(problem);
        }
    }

    /// <summary>Why the page scrolls sideways (its widest elements); null when it fits its viewport.</summary>
    public static async Task<string?> HorizontalScrollAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var width = page.ViewportSize?.Width ?? throw new InvalidOperationException("The page has no fixed viewport.");
        var scrollWidth = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        if (scrollWidth > width)
        {
            var culprits = await page.EvaluateAsync<string[]>(
                """
                width => [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > width + 0.5)
                  .slice(0, 8)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                    + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ' px)')
                """,
                width);
            return $"{page.Url} scrolls sideways at {width} px wide: the document is {scrollWidth} px wide. Widest elements: {string.Join(", ", culprits)}";
        }

        return null;
    }
}
