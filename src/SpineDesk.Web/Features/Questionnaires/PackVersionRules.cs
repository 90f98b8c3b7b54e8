using System.Globalization;
using Hl7.Fhir.Utility;
using SpineDesk.Clinical.Instruments;

namespace SpineDesk.Web.Features.Questionnaires;

/// <summary>
/// What a new version of a pack must keep from the current one, so that responses stay comparable across
/// versions: a scored pack keeps its scorer, and every item the scorer reads keeps its answer values and their
/// scores. A version with placeholder wording (structure only) is replaced only by the same structure: the
/// licensed wording takes the placeholders' place and changes no score.
/// </summary>
public static class PackVersionRules
{
    public static IReadOnlyList<string> Check(ParsedPack current, ParsedPack next)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        var errors = new List<string>();
        var against = $"the current version {current.Version}";
        if (current.ScorerKey is not null && current.ScorerKey != next.ScorerKey)
        {
            errors.Add(next.ScorerKey is null
                ? $"This file names no scorer, but {against} is scored by \"{current.ScorerKey}\". A new version keeps its scorer, so its scores stay comparable."
                : $"This file names the scorer \"{next.ScorerKey}\", but {against} is scored by \"{current.ScorerKey}\". A new version keeps its scorer, so its scores stay comparable.");
            return errors;
        }

        var currentItems = PackItems.All(current.Questionnaire).ToDictionary(i => i.LinkId, StringComparer.Ordinal);
        var nextItems = PackItems.All(next.Questionnaire).ToDictionary(i => i.LinkId, StringComparer.Ordinal);

        if (current.HasPlaceholderWording)
        {
            var why = $"{against} is structure only, and the version that replaces its placeholders keeps every linkId";
            foreach (var linkId in currentItems.Keys.Where(l => !nextItems.ContainsKey(l)))
            {
                errors.Add($"Item \"{linkId}\" is missing: {why}.");
            }

            foreach (var linkId in nextItems.Keys.Where(l => !currentItems.ContainsKey(l)))
            {
                errors.Add($"Item \"{linkId}\" is not in {against}: {why} and adds none.");
            }

            foreach (var (linkId, item) in nextItems)
            {
                if (currentItems.TryGetValue(linkId, out var was) && was.Item.Type != item.Item.Type)
                {
                    errors.Add($"Item \"{linkId}\" is a {item.Item.Type?.GetLiteral()} item here but a {was.Item.Type?.GetLiteral()} item in {against}.");
                }
            }
        }

        var compared = current.HasPlaceholderWording
            ? currentItems.Keys
            : ScorerRegistry.TryGet(current.ScorerKey ?? "", out var scorer) ? scorer.Items.Select(i => i.LinkId) : [];
        foreach (var linkId in compared)
        {
            if (currentItems.TryGetValue(linkId, out var was) && nextItems.TryGetValue(linkId, out var item))
            {
                CompareOptions(linkId, was, item, against, errors);
            }
        }

        return errors;
    }

    private static void CompareOptions(string linkId, PackItem was, PackItem item, string against, List<string> errors)
    {
        var before = PackItems.Options(was.Item).ToDictionary(o => o.Value, o => o.Score, StringComparer.Ordinal);
        var after = PackItems.Options(item.Item).ToDictionary(o => o.Value, o => o.Score, StringComparer.Ordinal);
        if (!before.Keys.ToHashSet(StringComparer.Ordinal).SetEquals(after.Keys))
        {
            errors.Add($"Item \"{linkId}\": the answer values ({Values(after.Keys)}) differ from those of {against} ({Values(before.Keys)}). A new version keeps them, so no score changes.");
            return;
        }

        foreach (var (value, score) in after)
        {
            if (before[value] != score)
            {
                errors.Add($"Item \"{linkId}\", answer value \"{value}\": scores {Score(score)} in this file but {Score(before[value])} in {against}. A new version changes no score.");
            }
        }
    }

    private static string Values(IEnumerable<string> values) => values.Any() ? string.Join(", ", values) : "none";

    private static string Score(decimal? score) => score?.ToString("0.###", CultureInfo.InvariantCulture) ?? "nothing";
}
