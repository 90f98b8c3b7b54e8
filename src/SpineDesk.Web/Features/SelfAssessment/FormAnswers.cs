using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>
/// The answers of one response: each item's linkId with its answer values as strings (a coding's code, a
/// number, a date or typed text), stored as the JSON object of <c>QuestionnaireResponse.AnswersJson</c>.
/// </summary>
public sealed class FormAnswers
{
    private readonly SortedDictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static FormAnswers FromJson(string? json)
    {
        var answers = new FormAnswers();
        if (!string.IsNullOrWhiteSpace(json))
        {
            foreach (var (linkId, values) in JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json) ?? [])
            {
                answers.Set(linkId, values);
            }
        }

        return answers;
    }

    public string ToJson() => JsonSerializer.Serialize(_values);

    public IReadOnlyList<string> this[string linkId] => _values.TryGetValue(linkId, out var values) ? values : [];

    public IEnumerable<string> LinkIds => _values.Keys;

    public void Set(string linkId, IEnumerable<string> values)
    {
        var list = values.Where(v => !string.IsNullOrEmpty(v)).ToList();
        if (list.Count == 0)
        {
            _values.Remove(linkId);
        }
        else
        {
            _values[linkId] = list;
        }
    }

    /// <summary>True when both hold the same answers to the given items.</summary>
    public bool SameAs(FormAnswers other, IEnumerable<FormItem> items)
    {
        ArgumentNullException.ThrowIfNull(other);
        return items.All(i => this[i.LinkId].SequenceEqual(other[i.LinkId], StringComparer.Ordinal));
    }

    /// <summary>The name of the form field that carries an item's answers.</summary>
    public static string FieldName(FormItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return "q-" + item.LinkId;
    }

    /// <summary>
    /// Reads one page's answers from a posted form and checks them against the pack. Valid answers and every
    /// typed text are kept (so nothing is lost when the page is shown again); an unknown option is dropped with
    /// a message. Required answers are checked only when <paramref name="requireAnswers"/> is true (Next, not Back).
    /// </summary>
    /// <returns>Messages by linkId, short enough to stand beside the question; empty when the page can be stored.</returns>
    public Dictionary<string, string> ReadSection(FormSection section, Func<string, StringValues> posted, bool requireAnswers)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(posted);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in section.Questions)
        {
            var values = posted(FieldName(item)).Select(v => v ?? "").ToList();
            var error = item.HasOptions ? ReadChoices(item, values, out var kept) : ReadTyped(item, values, out kept);
            Set(item.LinkId, kept);
            if (error is null && requireAnswers && item.Required && kept.Count == 0)
            {
                error = item.Kind switch
                {
                    FormItemKind.MultiChoice => "Tick at least one answer.",
                    FormItemKind.Rating => "Choose a number.",
                    FormItemKind.Choice or FormItemKind.YesNo => "Choose an answer.",
                    _ => "Enter an answer.",
                };
            }

            if (error is not null)
            {
                errors[item.LinkId] = error;
            }
        }

        return errors;
    }

    private static string? ReadChoices(FormItem item, List<string> posted, out List<string> kept)
    {
        var chosen = posted.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        kept = [.. item.Options.Select(o => o.Value).Where(chosen.Contains)];
        if (kept.Count < chosen.Count)
        {
            return "The answer sent is not one of the choices. Please choose again.";
        }

        if (item.Kind != FormItemKind.MultiChoice && kept.Count > 1)
        {
            kept = [];
            return "Choose only one answer.";
        }

        return null;
    }

    private static string? ReadTyped(FormItem item, List<string> posted, out List<string> kept)
    {
        var text = (posted.FirstOrDefault() ?? "").Trim();
        kept = text.Length == 0 ? [] : [text];
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > item.MaxLength)
        {
            return $"Your answer is {text.Length:N0} characters long. Please shorten it to {item.MaxLength:N0} characters or fewer.";
        }

        return item.Kind switch
        {
            FormItemKind.WholeNumber when !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) =>
                "Enter a whole number, like 12.",
            FormItemKind.Number when !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _) =>
                "Enter a number, like 1.5.",
            FormItemKind.Date when !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                "Enter a date, like 2024-03-31.",
            _ => null,
        };
    }
}
