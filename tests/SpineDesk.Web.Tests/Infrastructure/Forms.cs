using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace SpineDesk.Web.Tests.Infrastructure;

/// <summary>Reads pages and submits their forms the way a browser would, antiforgery token included.</summary>
public static class Forms
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, fills the form matched by <paramref name="formSelector"/> with its own
    /// defaults (hidden fields, ticked boxes, selected options, typed values) overridden by
    /// <paramref name="values"/>, and posts it. A name given in values replaces every default of that name;
    /// give a name several times for several ticked boxes.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client,
        string pageUrl,
        IEnumerable<(string Name, string Value)> values,
        string formSelector = "main form[method=post]")
    {
        ArgumentNullException.ThrowIfNull(client);
        var document = await client.GetDocumentAsync(pageUrl);
        return await client.SubmitFormAsync(document, values, formSelector, pageUrl);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client,
        IDocument document,
        IEnumerable<(string Name, string Value)> values,
        string formSelector,
        string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(document);
        var form = document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {pageUrl}.");
        var given = values.ToList();
        var names = given.Select(v => v.Name).ToHashSet();
        var fields = FormDefaults(form).Where(f => !names.Contains(f.Name)).Concat(given).ToList();
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    public static IEnumerable<(string Name, string Value)> FormDefaults(IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            yield return (input.Name, input.Value);
                        }
                    }
                    else if (input.Type is not ("submit" or "button" or "reset"))
                    {
                        yield return (input.Name, input.Value);
                    }

                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (selected is not null)
                    {
                        yield return (select.Name, selected.Value);
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    yield return (area.Name, area.Value);
                    break;
            }
        }
    }
}
