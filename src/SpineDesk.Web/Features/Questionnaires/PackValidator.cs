using System.Globalization;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using SpineDesk.Clinical.Instruments;

namespace SpineDesk.Web.Features.Questionnaires;

/// <summary>A Questionnaire that SpineDesk can use, with the metadata a pack version is stored under.</summary>
public sealed record ParsedPack(
    Questionnaire Questionnaire,
    string Key,
    string Version,
    string CanonicalUrl,
    string Title,
    string? ScorerKey,
    bool HasPlaceholderWording);

/// <summary>The result of reading a pack file: the pack, or every reason it is refused.</summary>
public sealed record PackReading(ParsedPack? Pack, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Pack is not null && Errors.Count == 0;
}

/// <summary>
/// Checks that a Questionnaire is a pack SpineDesk can show and score: its name, version and url; unique
/// linkIds; item types the forms support; answer options on choice items; a score on every option of a scored
/// item; and, when it names a scorer, that the scorer exists and finds its items with exactly its answer values.
/// Each message names the item at fault.
/// </summary>
public static partial class PackValidator
{
    private static readonly Questionnaire.QuestionnaireItemType[] SupportedTypes =
    [
        Questionnaire.QuestionnaireItemType.Group,
        Questionnaire.QuestionnaireItemType.Display,
        Questionnaire.QuestionnaireItemType.Boolean,
        Questionnaire.QuestionnaireItemType.Choice,
        Questionnaire.QuestionnaireItemType.String,
        Questionnaire.QuestionnaireItemType.Text,
        Questionnaire.QuestionnaireItemType.Integer,
        Questionnaire.QuestionnaireItemType.Decimal,
        Questionnaire.QuestionnaireItemType.Date,
    ];

    /// <summary>Parses and checks a file.</summary>
    public static PackReading Read(string json)
    {
        var parse = PackReader.Parse(json);
        return parse.Succeeded ? Validate(parse.Questionnaire!) : new PackReading(null, parse.Errors);
    }

    public static PackReading Validate(Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        var errors = new List<string>();
        var key = CheckMetadata(questionnaire, errors);
        var items = PackItems.All(questionnaire).ToList();
        if (items.Count == 0)
        {
            errors.Add("The Questionnaire has no items.");
        }

        CheckLinkIds(items, errors);
        foreach (var item in items)
        {
            CheckItem(item, errors);
        }

        var scorerKey = PackScoringChecks.CheckScorer(questionnaire, items, errors);
        if (key == PackFormat.RedFlagsKey)
        {
            PackScoringChecks.CheckRedFlagSigns(items, errors);
        }

        var placeholder = ReadPlaceholderFlag(questionnaire, errors);
        if (errors.Count > 0)
        {
            return new PackReading(null, errors);
        }

        return new PackReading(
            new ParsedPack(
                questionnaire,
                key!,
                questionnaire.Version!.Trim(),
                questionnaire.Url!.Trim(),
                string.IsNullOrWhiteSpace(questionnaire.Title) ? key! : questionnaire.Title.Trim(),
                scorerKey,
                placeholder),
            []);
    }

    private static string? CheckMetadata(Questionnaire questionnaire, List<string> errors)
    {
        string? key = null;
        if (string.IsNullOrWhiteSpace(questionnaire.Name))
        {
            errors.Add("The Questionnaire has no name. Its name is the pack's key, such as \"odi-2.1a\", and stays the same in every version.");
        }
        else if (!KeyPattern().IsMatch(questionnaire.Name.Trim()))
        {
            errors.Add($"The Questionnaire's name \"{questionnaire.Name}\" cannot be a pack key: use lower-case letters, digits, dots and hyphens (at most 100), such as \"odi-2.1a\".");
        }
        else
        {
            key = questionnaire.Name.Trim();
        }

        if (string.IsNullOrWhiteSpace(questionnaire.Version))
        {
            errors.Add("The Questionnaire has no version. Each version of a pack needs its own, so responses record the version answered.");
        }
        else if (questionnaire.Version.Trim().Length > 100)
        {
            errors.Add("The Questionnaire's version is longer than 100 characters.");
        }

        if (string.IsNullOrWhiteSpace(questionnaire.Url))
        {
            errors.Add("The Questionnaire has no url (its canonical address, such as https://spinedesk.example/fhir/Questionnaire/odi-2.1a).");
        }
        else if (questionnaire.Url.Trim().Length > 500 || !Uri.TryCreate(questionnaire.Url.Trim(), UriKind.Absolute, out _))
        {
            errors.Add($"The Questionnaire's url \"{Shorten(questionnaire.Url)}\" is not an absolute address of at most 500 characters.");
        }

        if (questionnaire.Title is { Length: > 300 })
        {
            errors.Add("The Questionnaire's title is longer than 300 characters.");
        }

        if (questionnaire.Status is null)
        {
            errors.Add("The Questionnaire has no status (such as \"active\").");
        }

        return key;
    }

    private static void CheckLinkIds(List<PackItem> items, List<string> errors)
    {
        foreach (var item in items.Where(i => string.IsNullOrWhiteSpace(i.Item.LinkId)))
        {
            errors.Add($"Item {item.Number} has no linkId.");
        }

        foreach (var duplicate in items.Where(i => !string.IsNullOrWhiteSpace(i.LinkId)).GroupBy(i => i.LinkId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"The linkId \"{duplicate.Key}\" is used by more than one item (items {string.Join(", ", duplicate.Select(i => i.Number))}); each item needs its own.");
        }

        var linkIds = items.Select(i => i.LinkId).Where(l => !string.IsNullOrWhiteSpace(l)).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var condition in item.Item.EnableWhen.Where(c => !linkIds.Contains(c.Question ?? "")))
            {
                errors.Add($"{Capital(item.Name)} is shown only depending on \"{condition.Question}\", which is not an item of this pack.");
            }
        }
    }

    private static void CheckItem(PackItem packItem, List<string> errors)
    {
        var item = packItem.Item;
        var name = Capital(packItem.Name);
        if (item.Type is not { } type)
        {
            errors.Add($"{name} has no type.");
            return;
        }

        if (!SupportedTypes.Contains(type))
        {
            errors.Add($"{name} has the type \"{type.GetLiteral()}\", which SpineDesk's forms cannot show. Use one of: {string.Join(", ", SupportedTypes.Select(t => t.GetLiteral()))}.");
            return;
        }

        if (type == Questionnaire.QuestionnaireItemType.Group)
        {
            if (item.Item.Count == 0)
            {
                errors.Add($"{name} is a group with no items in it.");
            }
        }
        else if (item.Item.Count > 0)
        {
            errors.Add($"{name} is a {type.GetLiteral()} item with items under it; put those items in a group instead.");
        }

        if (type != Questionnaire.QuestionnaireItemType.Choice)
        {
            if (item.AnswerOption.Count > 0)
            {
                errors.Add($"{name} is a {type.GetLiteral()} item but has answer options; only choice items can.");
            }

            return;
        }

        if (item.AnswerOption.Count == 0)
        {
            errors.Add($"{name} is a choice item without answer options (SpineDesk does not look answers up in value sets).");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var scored = 0;
        var unscored = new List<string>();
        for (var i = 0; i < item.AnswerOption.Count; i++)
        {
            var option = item.AnswerOption[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var value = PackItems.AnswerValue(option);
            if (value is null)
            {
                errors.Add($"{name}, option {number} has no answer value: give it a valueCoding with a code, or a valueInteger, valueString or valueDate.");
                continue;
            }

            if (!seen.Add(value))
            {
                errors.Add($"{name}: the answer value \"{value}\" is used by more than one option.");
            }

            var extension = PackItems.ScoreExtension(option);
            if (extension is not null && extension.Value is not FhirDecimal { Value: not null })
            {
                errors.Add($"{name}, option \"{value}\": its score (ordinalValue) must be a valueDecimal.");
            }

            if (PackItems.Score(option) is null)
            {
                unscored.Add(value);
            }
            else
            {
                scored++;
            }
        }

        if (scored > 0 && unscored.Count > 0)
        {
            errors.Add($"{name} is scored, but option{(unscored.Count == 1 ? "" : "s")} {string.Join(", ", unscored.Select(v => $"\"{v}\""))} {(unscored.Count == 1 ? "has" : "have")} no score: give every option a score (the ordinalValue extension) or none.");
        }
    }

    private static bool ReadPlaceholderFlag(Questionnaire questionnaire, List<string> errors)
    {
        var extension = questionnaire.GetExtension(PackFormat.PlaceholderWordingExtension);
        if (extension is null)
        {
            return false;
        }

        if (extension.Value is FhirBoolean { Value: { } flag })
        {
            return flag;
        }

        errors.Add($"The placeholder-wording extension ({PackFormat.PlaceholderWordingExtension}) must have a valueBoolean.");
        return false;
    }

    internal static string Range(ScoredItem shape) => $"{shape.Lowest} to {shape.Highest}";

    internal static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,99}$")]
    private static partial Regex KeyPattern();
}
