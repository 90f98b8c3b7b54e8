using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using Microsoft.Extensions.Options;

namespace SpineDesk.Web.Features.Public;

/// <summary>A rendered content page with the metadata of its front matter.</summary>
public sealed record ContentPage(string Slug, string Title, string? Summary, DateOnly? Reviewed, DateOnly? NextReview, string Html);

/// <summary>
/// The clinic's editable pages: Markdown files under <c>content/pages</c> with a small front matter block
/// (title, summary, reviewed, next_review), rendered with Markdig. Diagrams are inserted where a paragraph
/// reads <c>[[diagram:name]]</c>. Rendered pages are cached until the file changes.
/// </summary>
public sealed partial class EducationContent(IOptions<ContentOptions> options, IWebHostEnvironment environment)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .UseYamlFrontMatter()
        .DisableHtml()
        .Build();

    private readonly ConcurrentDictionary<string, (DateTime Written, ContentPage Page)> _cache = new();

    public string Root { get; } = ResolveRoot(options.Value, environment);

    private static string ResolveRoot(ContentOptions options, IWebHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            return Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Path));
        }

        return Path.Combine(AppContext.BaseDirectory, "content");
    }

    /// <summary>The page for a slug, or null when there is no such page.</summary>
    public ContentPage? Find(string slug)
    {
        if (!SlugPattern().IsMatch(slug))
        {
            return null;
        }

        var file = Path.Combine(Root, "pages", slug + ".md");
        if (!File.Exists(file))
        {
            return null;
        }

        var written = File.GetLastWriteTimeUtc(file);
        if (_cache.TryGetValue(slug, out var cached) && cached.Written == written)
        {
            return cached.Page;
        }

        var page = Render(slug, File.ReadAllText(file));
        _cache[slug] = (written, page);
        return page;
    }

    internal ContentPage Render(string slug, string markdown)
    {
        var front = ReadFrontMatter(markdown);
        var html = Markdown.ToHtml(markdown, Pipeline);
        html = DiagramParagraph().Replace(html, m => Diagram(m.Groups[1].Value));
        // A table may scroll sideways on a phone: the wrapper is focusable so keyboard users can scroll it too.
        html = html.Replace("<table>", "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table (scrolls sideways on small screens)\"><table>", StringComparison.Ordinal)
                   .Replace("</table>", "</table></div>", StringComparison.Ordinal);
        return new ContentPage(
            slug,
            front.GetValueOrDefault("title") ?? slug,
            front.GetValueOrDefault("summary"),
            ParseDate(front.GetValueOrDefault("reviewed")),
            ParseDate(front.GetValueOrDefault("next_review")),
            html);
    }

    private string Diagram(string name)
    {
        var file = Path.Combine(Root, "diagrams", name + ".svg");
        return File.Exists(file) ? $"<figure class=\"diagram\">{File.ReadAllText(file)}</figure>" : string.Empty;
    }

    private static Dictionary<string, string> ReadFrontMatter(string markdown)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var reader = new StringReader(markdown);
        if (reader.ReadLine()?.Trim() != "---")
        {
            return values;
        }

        for (var line = reader.ReadLine(); line is not null && line.Trim() != "---"; line = reader.ReadLine())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"');
            }
        }

        return values;
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [GeneratedRegex("^[a-z0-9-]{1,80}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"<p>\[\[diagram:([a-z0-9-]{1,80})\]\]</p>")]
    private static partial Regex DiagramParagraph();
}
