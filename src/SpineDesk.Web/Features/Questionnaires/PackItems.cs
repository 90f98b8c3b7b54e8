using System.Globalization;
using Hl7.Fhir.Model;

namespace SpineDesk.Web.Features.Questionnaires;

/// <summary>One answer option as SpineDesk uses it: the answer value stored for it, its text and its score.</summary>
/// <param name="Value">What a response stores: the coding's code, or the integer, string or date itself.</param>
/// <param name="Display">The text shown (the coding's display, else the value).</param>
/// <param name="Score">The option's score (ordinalValue, or the integer itself for an integer option); null when unscored.</param>
public sealed record PackOption(string Value, string Display, decimal? Score);

/// <summary>An item of a pack with its position in the tree ("2.3" is the third item of the second top-level item).</summary>
public sealed record PackItem(Questionnaire.ItemComponent Item, string Number)
{
    /// <summary>The item's linkId, or "" when it has none.</summary>
    public string LinkId => Item.LinkId ?? "";

    /// <summary>How messages name the item: by linkId, or by position when it has none.</summary>
    public string Name => string.IsNullOrWhiteSpace(Item.LinkId) ? $"item {Number} (no linkId)" : $"item \"{Item.LinkId}\"";
}

/// <summary>A page of a pack: a top-level group, or a run of top-level questions outside any group.</summary>
/// <param name="Number">1 for the first section.</param>
/// <param name="LinkId">The group's linkId; null for questions outside any group.</param>
/// <param name="Title">The group's text, else the pack's title.</param>
/// <param name="Items">The items on the page, in order (a nested group shows as a fieldset of its own).</param>
public sealed record PackSection(int Number, string? LinkId, string Title, IReadOnlyList<Questionnaire.ItemComponent> Items);

/// <summary>Reads the parts of a Questionnaire that SpineDesk uses: items in tree order, options, scores, sections.</summary>
public static class PackItems
{
    /// <summary>Every item, depth first, in the order a form shows them.</summary>
    public static IEnumerable<PackItem> All(Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        return Walk(questionnaire.Item, "");

        static IEnumerable<PackItem> Walk(List<Questionnaire.ItemComponent> items, string prefix)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var number = prefix + (i + 1).ToString(CultureInfo.InvariantCulture);
                yield return new PackItem(items[i], number);
                foreach (var child in Walk(items[i].Item, number + "."))
                {
                    yield return child;
                }
            }
        }
    }

    /// <summary>The answer value a response stores for an option; null when the option has no usable value.</summary>
    public static string? AnswerValue(Questionnaire.AnswerOptionComponent option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.Value switch
        {
            Coding coding => string.IsNullOrWhiteSpace(coding.Code) ? null : coding.Code,
            Integer integer => integer.Value?.ToString(CultureInfo.InvariantCulture),
            FhirString text => string.IsNullOrWhiteSpace(text.Value) ? null : text.Value,
            Date date => date.Value,
            _ => null,
        };
    }

    /// <summary>The option's ordinalValue extension, on the option or on its coding; null when there is none.</summary>
    public static Extension? ScoreExtension(Questionnaire.AnswerOptionComponent option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.GetExtension(PackFormat.OrdinalValueExtension)
            ?? (option.Value as Coding)?.GetExtension(PackFormat.OrdinalValueExtension);
    }

    /// <summary>The option's score: its ordinalValue, or for an integer option without one, the integer.</summary>
    public static decimal? Score(Questionnaire.AnswerOptionComponent option)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (ScoreExtension(option)?.Value is FhirDecimal score)
        {
            return score.Value;
        }

        return option.Value is Integer { Value: { } number } ? number : null;
    }

    public static IReadOnlyList<PackOption> Options(Questionnaire.ItemComponent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var options = new List<PackOption>(item.AnswerOption.Count);
        foreach (var option in item.AnswerOption)
        {
            if (AnswerValue(option) is { } value)
            {
                var display = (option.Value as Coding)?.Display;
                options.Add(new PackOption(value, string.IsNullOrWhiteSpace(display) ? value : display, Score(option)));
            }
        }

        return options;
    }

    /// <summary>
    /// The pages of the form: each top-level group is one section; top-level questions outside a group are
    /// gathered, run by run, into sections titled with the pack's title.
    /// </summary>
    public static IReadOnlyList<PackSection> Sections(Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var sections = new List<PackSection>();
        var loose = new List<Questionnaire.ItemComponent>();
        var title = questionnaire.Title ?? questionnaire.Name ?? "";

        void FlushLoose()
        {
            if (loose.Count > 0)
            {
                sections.Add(new PackSection(sections.Count + 1, null, title, [.. loose]));
                loose.Clear();
            }
        }

        foreach (var item in questionnaire.Item)
        {
            if (item.Type == Questionnaire.QuestionnaireItemType.Group)
            {
                FlushLoose();
                sections.Add(new PackSection(sections.Count + 1, item.LinkId, string.IsNullOrWhiteSpace(item.Text) ? title : item.Text, item.Item));
            }
            else
            {
                loose.Add(item);
            }
        }

        FlushLoose();
        return sections;
    }
}
