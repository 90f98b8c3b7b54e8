using System.Globalization;
using Hl7.Fhir.Model;
using SpineDesk.Clinical.Instruments;
using SpineDesk.Clinical.RedFlags;

namespace SpineDesk.Web.Features.Questionnaires;

/// <summary>
/// The checks of <see cref="PackValidator"/> that concern scoring and rules: a named scorer exists and finds each
/// item it reads as a choice item with exactly its answer values, its scores and its cardinality; the red-flag
/// pack asks about every sign the red-flag screen rules on, and nothing else.
/// </summary>
internal static class PackScoringChecks
{
    public static string? CheckScorer(Questionnaire questionnaire, List<PackItem> items, List<string> errors)
    {
        var extensions = questionnaire.GetExtensions(PackFormat.ScorerExtension).ToList();
        if (extensions.Count == 0)
        {
            return null;
        }

        if (extensions.Count > 1 || extensions[0].Value is not FhirString { Value: { Length: > 0 } key })
        {
            errors.Add($"The scorer extension ({PackFormat.ScorerExtension}) must appear once, with a valueString naming the scorer.");
            return null;
        }

        if (!ScorerRegistry.TryGet(key, out var scorer))
        {
            errors.Add($"The pack names the scorer \"{key}\", which SpineDesk does not have. Known scorers: {string.Join(", ", ScorerRegistry.All.Select(s => s.Key))}.");
            return null;
        }

        var byLinkId = items.Where(i => !string.IsNullOrWhiteSpace(i.LinkId))
            .GroupBy(i => i.LinkId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var shape in scorer.Items)
        {
            if (!byLinkId.TryGetValue(shape.LinkId, out var packItem))
            {
                errors.Add($"The scorer \"{key}\" needs an item with linkId \"{shape.LinkId}\", and the pack has none.");
                continue;
            }

            CheckScoredItem(packItem, shape, scorer, errors);
        }

        return key;
    }

    private static void CheckScoredItem(PackItem packItem, ScoredItem shape, IInstrumentScorer scorer, List<string> errors)
    {
        var item = packItem.Item;
        var name = PackValidator.Capital(packItem.Name);
        if (item.Type != Questionnaire.QuestionnaireItemType.Choice)
        {
            errors.Add($"{name} is read by the scorer \"{scorer.Key}\", so it must be a choice item with the scorer's answer values ({PackValidator.Range(shape)}).");
            return;
        }

        var options = PackItems.Options(item);
        // Options scored in part are reported by CheckItem; here, a scored item whose options have no scores at all.
        if (options.Count > 0 && options.All(o => o.Score is null))
        {
            errors.Add($"{name} is read by the scorer \"{scorer.Key}\", but its options have no scores: give each option its score (the ordinalValue extension).");
        }

        var values = new List<int>();
        foreach (var option in options)
        {
            if (int.TryParse(option.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                values.Add(number);
            }
            else
            {
                errors.Add($"{name}, option \"{option.Value}\": the scorer \"{scorer.Key}\" reads whole-number answer values ({PackValidator.Range(shape)}).");
            }
        }

        var missing = shape.AllowedValues.Except(values).ToList();
        var extra = values.Except(shape.AllowedValues).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            var problems = new List<string>();
            if (missing.Count > 0)
            {
                problems.Add($"{List(missing)} {(missing.Count == 1 ? "is" : "are")} missing");
            }

            if (extra.Count > 0)
            {
                problems.Add($"{List(extra)} {(extra.Count == 1 ? "is not a value" : "are not values")} it reads");
            }

            errors.Add($"{name}: the answer values do not match those of the scorer \"{scorer.Key}\" ({PackValidator.Range(shape)}): {string.Join("; ", problems)}.");
        }

        if (item.Repeats == true && shape.MaxAnswers == 1)
        {
            errors.Add($"{name} allows several answers (repeats), but the scorer \"{scorer.Key}\" takes one answer for it.");
        }

        if (shape.Required && item.Required != true)
        {
            errors.Add($"{name} must be required: the scorer \"{scorer.Key}\" cannot score a response without it.");
        }
    }

    public static void CheckRedFlagSigns(List<PackItem> items, List<string> errors)
    {
        var signs = Enum.GetNames<RedFlagSign>();
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var packItem in items.Where(i => i.Item.Type == Questionnaire.QuestionnaireItemType.Choice))
        {
            foreach (var option in PackItems.Options(packItem.Item))
            {
                if (signs.Contains(option.Value, StringComparer.Ordinal))
                {
                    asked.Add(option.Value);
                }
                else
                {
                    errors.Add($"{PackValidator.Capital(packItem.Name)}, option \"{option.Value}\": the red-flag screen has no such sign. Its signs are: {string.Join(", ", signs)}.");
                }
            }
        }

        var missing = signs.Where(s => !asked.Contains(s)).ToList();
        if (missing.Count > 0)
        {
            errors.Add($"The red-flag screen must ask about every sign; this pack does not ask about: {string.Join(", ", missing)}.");
        }
    }

    private static string List(IEnumerable<int> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
