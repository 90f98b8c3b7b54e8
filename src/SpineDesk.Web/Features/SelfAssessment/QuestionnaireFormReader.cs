using System.Globalization;
using Hl7.Fhir.Model;
using SpineDesk.Data.Questionnaires;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>
/// Reads a pack's FHIR R4 Questionnaire (Firely SDK) into a <see cref="QuestionnaireForm"/>: top-level groups
/// become pages, answer options keep their stored value, words and score (the <c>ordinalValue</c> extension or
/// the integer itself), and a 0–10 scale becomes a rating. The pack was checked when it was imported; what this
/// cannot show is refused with an exception naming the item rather than rendered wrongly.
/// </summary>
public static class QuestionnaireFormReader
{
    public const string OrdinalValueUrl = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    public const string ItemWeightUrl = "http://hl7.org/fhir/StructureDefinition/itemWeight";
    public const string ItemControlUrl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";

    /// <summary>The form of one pack version, from the Questionnaire the pack library parsed.</summary>
    public static QuestionnaireForm Read(QuestionnairePack pack, Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(questionnaire);
        var sections = new List<FormSection>();
        var loose = new List<FormItem>();
        var title = string.IsNullOrWhiteSpace(questionnaire.Title) ? pack.Title : questionnaire.Title;
        foreach (var item in questionnaire.Item)
        {
            if (item.Type == Questionnaire.QuestionnaireItemType.Group)
            {
                FlushLoose();
                sections.Add(new FormSection(item.LinkId ?? "", string.IsNullOrWhiteSpace(item.Text) ? title : item.Text.Trim(), ReadItems(item.Item)));
            }
            else
            {
                loose.AddRange(ReadItems([item]));
            }
        }

        FlushLoose();
        if (sections.Count == 0)
        {
            throw new InvalidOperationException($"Questionnaire pack {pack.Key} {pack.Version} has no items to show.");
        }

        return new QuestionnaireForm(pack.Id, pack.Key, pack.Version, title, pack.ScorerKey, pack.HasPlaceholderWording, sections);

        // Items outside any group form a page of their own, titled with the questionnaire.
        void FlushLoose()
        {
            if (loose.Count > 0)
            {
                sections.Add(new FormSection(loose[0].LinkId, title, [.. loose]));
                loose.Clear();
            }
        }
    }

    private static List<FormItem> ReadItems(IEnumerable<Questionnaire.ItemComponent> items) =>
        [.. items.Where(i => !IsEndLabel(i)).Select(ReadItem)];

    private static FormItem ReadItem(Questionnaire.ItemComponent item)
    {
        var linkId = item.LinkId ?? throw new InvalidOperationException("A questionnaire item has no linkId.");
        var text = item.Text?.Trim() ?? "";
        var required = item.Required ?? false;
        switch (item.Type)
        {
            case Questionnaire.QuestionnaireItemType.Display:
                return new FormItem(linkId, text, FormItemKind.Display, false, 0, [], []);
            case Questionnaire.QuestionnaireItemType.Group:
                return new FormItem(linkId, text, FormItemKind.Group, false, 0, [], ReadItems(item.Item));
            case Questionnaire.QuestionnaireItemType.Boolean:
                return new FormItem(linkId, text, FormItemKind.YesNo, required, 0, [new("true", "Yes", null), new("false", "No", null)], []);
            case Questionnaire.QuestionnaireItemType.Choice or Questionnaire.QuestionnaireItemType.OpenChoice:
            case Questionnaire.QuestionnaireItemType.Integer when item.AnswerOption.Count > 0:
                return ReadChoice(item, linkId, text, required);
            case Questionnaire.QuestionnaireItemType.Integer:
                return new FormItem(linkId, text, FormItemKind.WholeNumber, required, 12, [], []);
            case Questionnaire.QuestionnaireItemType.Decimal:
                return new FormItem(linkId, text, FormItemKind.Number, required, 20, [], []);
            case Questionnaire.QuestionnaireItemType.Date:
                return new FormItem(linkId, text, FormItemKind.Date, required, 10, [], []);
            case Questionnaire.QuestionnaireItemType.Text:
                return new FormItem(linkId, text, FormItemKind.TextBlock, required, item.MaxLength ?? 2000, [], []);
            case Questionnaire.QuestionnaireItemType.String or Questionnaire.QuestionnaireItemType.Url:
                return new FormItem(linkId, text, FormItemKind.TextLine, required, item.MaxLength ?? 500, [], []);
            default:
                throw new InvalidOperationException($"Item {linkId} has type {item.Type}, which the self-assessment cannot show.");
        }
    }

    private static FormItem ReadChoice(Questionnaire.ItemComponent item, string linkId, string text, bool required)
    {
        if (item.AnswerOption.Count == 0)
        {
            throw new InvalidOperationException($"Item {linkId} is a choice with no answer options (answer value sets are not supported here).");
        }

        var options = item.AnswerOption.Select(o => ReadOption(linkId, o)).ToList();
        if (options.Select(o => o.Value).Distinct(StringComparer.Ordinal).Count() != options.Count)
        {
            throw new InvalidOperationException($"Item {linkId} offers the same answer value twice.");
        }

        if (item.Repeats == true)
        {
            return new FormItem(linkId, text, FormItemKind.MultiChoice, required, 0, options, []);
        }

        if (AsRating(item, options) is { } rating)
        {
            return new FormItem(linkId, text, FormItemKind.Rating, required, 0, rating.Options, [], rating.Low, rating.High);
        }

        return new FormItem(linkId, text, FormItemKind.Choice, required, 0, options, []);
    }

    private static FormOption ReadOption(string linkId, Questionnaire.AnswerOptionComponent option)
    {
        var score = Score(option);
        return option.Value switch
        {
            Coding coding when !string.IsNullOrWhiteSpace(coding.Code) =>
                new FormOption(coding.Code, string.IsNullOrWhiteSpace(coding.Display) ? coding.Code : coding.Display.Trim(), score),
            Integer { Value: { } number } =>
                new FormOption(number.ToString(CultureInfo.InvariantCulture), number.ToString(CultureInfo.InvariantCulture), score ?? number),
            FhirString { Value: { } value } when !string.IsNullOrWhiteSpace(value) => new FormOption(value, value, score),
            Date { Value: { } date } => new FormOption(date, date, score),
            _ => throw new InvalidOperationException($"Item {linkId} has an answer option of a kind the self-assessment cannot show."),
        };
    }

    private static int? Score(Questionnaire.AnswerOptionComponent option)
    {
        var extension = option.GetExtension(OrdinalValueUrl) ?? option.GetExtension(ItemWeightUrl)
            ?? (option.Value as Coding)?.GetExtension(OrdinalValueUrl);
        return extension?.Value switch
        {
            FhirDecimal { Value: { } value } when value == decimal.Truncate(value) => (int)value,
            Integer { Value: { } value } => value,
            _ => null,
        };
    }

    /// <summary>
    /// A single-answer item whose options are the consecutive whole numbers of a short scale (such as 0–10),
    /// each labelled with its number, is shown as a rating. Words after the number on the first and last option
    /// ("0 — no pain"), or SDC child display items marked lower and upper, become the end labels.
    /// </summary>
    private static (List<FormOption> Options, string? Low, string? High)? AsRating(Questionnaire.ItemComponent item, List<FormOption> options)
    {
        if (options.Count is < 5 or > 11)
        {
            return null;
        }

        var numbers = new List<int>();
        var rest = new List<string>();
        foreach (var option in options)
        {
            var number = option.Score ?? (int.TryParse(option.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null);
            var digits = number?.ToString(CultureInfo.InvariantCulture);
            if (number is null || digits is null || !option.Label.StartsWith(digits, StringComparison.Ordinal)
                || (option.Label.Length > digits.Length && char.IsAsciiDigit(option.Label[digits.Length])))
            {
                return null;
            }

            numbers.Add(number.Value);
            rest.Add(option.Label[digits.Length..].Trim().TrimStart('—', '–', '-', ':', '=', '(').TrimEnd(')').Trim());
        }

        if (numbers[0] is not (0 or 1) || numbers.Where((n, i) => n != numbers[0] + i).Any()
            || rest.Skip(1).SkipLast(1).Any(r => r.Length > 0))
        {
            return null;
        }

        var low = rest[0].Length > 0 ? rest[0] : EndLabel(item, "lower");
        var high = rest[^1].Length > 0 ? rest[^1] : EndLabel(item, "upper");
        var labelled = options.Select((o, i) => o with { Label = numbers[i].ToString(CultureInfo.InvariantCulture), Score = numbers[i] }).ToList();
        return (labelled, low, high);
    }

    private static string? EndLabel(Questionnaire.ItemComponent item, string control) =>
        item.Item.FirstOrDefault(child => IsEndLabel(child) && ControlOf(child) == control)?.Text?.Trim();

    private static bool IsEndLabel(Questionnaire.ItemComponent item) =>
        item.Type == Questionnaire.QuestionnaireItemType.Display && ControlOf(item) is "lower" or "upper";

    private static string? ControlOf(Questionnaire.ItemComponent item) =>
        (item.GetExtension(ItemControlUrl)?.Value as CodeableConcept)?.Coding.FirstOrDefault()?.Code;
}
