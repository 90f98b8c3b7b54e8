using System.Diagnostics.CodeAnalysis;

namespace SpineDesk.Web.Features.Questionnaires;

/// <summary>One scored item as a scorer reads it: its linkId and the whole-number answer values it allows.</summary>
/// <param name="LinkId">The fixed linkId.</param>
/// <param name="Lowest">The lowest allowed answer value.</param>
/// <param name="Highest">The highest; every whole value from lowest to highest is allowed.</param>
/// <param name="MaxAnswers">How many answers the item takes (2 for an Oswestry section: the higher counts).</param>
/// <param name="Required">True when the scorer cannot score a response without this item.</param>
public sealed record ScorerItemShape(string LinkId, int Lowest, int Highest, int MaxAnswers = 1, bool Required = false)
{
    public IReadOnlyList<int> AllowedValues { get; } = [.. Enumerable.Range(Lowest, Highest - Lowest + 1)];
}

/// <summary>A scorer's key, name and the items it reads.</summary>
public sealed record ScorerShape(string Key, string Name, IReadOnlyList<ScorerItemShape> Items);

/// <summary>
/// The scorers a pack may name, and the items and answer values each reads: what the importer checks a scored
/// pack against. This list MUST match <c>SpineDesk.Clinical.Instruments.ScorerRegistry</c> (keys, linkIds,
/// allowed values, answers per item, required items); it stands in for the registry until both are merged, when
/// <see cref="TryGet"/> should read <c>ScorerRegistry.TryGet(key)</c> and its <c>Items</c> instead.
/// </summary>
public static class KnownScorers
{
    private static ScorerItemShape[] Numbered(string prefix, int count, int lowest, int highest, int maxAnswers = 1, bool required = false) =>
        [.. Enumerable.Range(1, count).Select(n => new ScorerItemShape($"{prefix}{n}", lowest, highest, maxAnswers, required))];

    public static IReadOnlyList<ScorerShape> All { get; } =
    [
        new("global-change-7", "Global rating of change", [new ScorerItemShape("global-change", 1, 7, Required: true)]),
        new("nrs-0-10", "Pain intensity, 0-10 numeric rating",
            [new ScorerItemShape("back-pain-nrs", 0, 10), new ScorerItemShape("leg-pain-nrs", 0, 10)]),
        new("odi-2.1a", "Oswestry Disability Index v2.1a", Numbered("odi-", 10, 0, 5, maxAnswers: 2)),
        new("rmdq-24", "Roland-Morris Disability Questionnaire", Numbered("rmdq-", 24, 0, 2)),
        new("startback-9", "Keele STarT Back Screening Tool",
            [.. Numbered("startback-", 8, 0, 1, required: true), new ScorerItemShape("startback-9", 0, 4, Required: true)]),
    ];

    public static bool TryGet(string key, [NotNullWhen(true)] out ScorerShape? scorer)
    {
        scorer = All.FirstOrDefault(s => s.Key == key);
        return scorer is not null;
    }
}
