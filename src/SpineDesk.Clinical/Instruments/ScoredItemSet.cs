using System.Collections.Frozen;

namespace SpineDesk.Clinical.Instruments;

/// <summary>
/// The items of one instrument and the checks every scorer applies before scoring: each answered linkId is an
/// item of the instrument, each value is allowed for its item, no item has more answers than it takes or the
/// same answer twice, and every required item is answered.
/// </summary>
internal sealed class ScoredItemSet
{
    private readonly string scorerKey;
    private readonly string name;
    private readonly FrozenDictionary<string, ScoredItem> byLinkId;

    public ScoredItemSet(string scorerKey, string name, IReadOnlyList<ScoredItem> items)
    {
        this.scorerKey = scorerKey;
        this.name = name;
        Items = items;
        byLinkId = items.ToFrozenDictionary(i => i.LinkId, StringComparer.Ordinal);
    }

    public IReadOnlyList<ScoredItem> Items { get; }

    /// <summary>Refuses a response that breaks any rule of the items; see the class summary.</summary>
    public void Check(IReadOnlyDictionary<string, IReadOnlyList<int>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var (linkId, values) in answers)
        {
            if (!byLinkId.TryGetValue(linkId, out var item))
            {
                throw Refuse(linkId,
                    $"{name}: \"{linkId}\" is not one of its items ({Items[0].LinkId} to {Items[^1].LinkId}).");
            }

            if (values is null)
            {
                throw Refuse(linkId, $"{name}, item {linkId}: the answer list is missing; pass an empty list for no answer.");
            }

            if (values.Count > item.MaxAnswers)
            {
                var allowed = item.MaxAnswers == 1 ? "one answer" : $"at most {item.MaxAnswers} answers";
                throw Refuse(linkId,
                    $"{name}, item {linkId}: {values.Count} answers were given ({string.Join(", ", values)}); it takes {allowed}.");
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (!item.Allows(values[i]))
                {
                    throw Refuse(linkId,
                        $"{name}, item {linkId}: {values[i]} is not an allowed answer (allowed: {item.Lowest} to {item.Highest}).");
                }

                for (var j = 0; j < i; j++)
                {
                    if (values[j] == values[i])
                    {
                        throw Refuse(linkId, $"{name}, item {linkId}: the answer {values[i]} was given twice.");
                    }
                }
            }
        }

        foreach (var item in Items)
        {
            if (item.Required && Answered(answers, item.LinkId) is null)
            {
                throw Refuse(item.LinkId, $"{name}, item {item.LinkId}: not answered; every item must be answered to score it.");
            }
        }
    }

    /// <summary>The answer to a single-answer item, or null when it was not answered.</summary>
    public static int? Answered(IReadOnlyDictionary<string, IReadOnlyList<int>> answers, string linkId) =>
        answers.TryGetValue(linkId, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The highest answer to an item, or null when it was not answered.</summary>
    public static int? Highest(IReadOnlyDictionary<string, IReadOnlyList<int>> answers, string linkId)
    {
        if (!answers.TryGetValue(linkId, out var values) || values.Count == 0)
        {
            return null;
        }

        var highest = values[0];
        for (var i = 1; i < values.Count; i++)
        {
            highest = Math.Max(highest, values[i]);
        }

        return highest;
    }

    /// <summary>The exception for a response that cannot be scored as a whole.</summary>
    public InstrumentAnswerException RefuseResponse(string message) => new(scorerKey, null, $"{name}: {message}");

    private InstrumentAnswerException Refuse(string linkId, string message) => new(scorerKey, linkId, message);

    /// <summary>Items <paramref name="prefix"/>1 to <paramref name="prefix"/><paramref name="count"/>.</summary>
    public static ScoredItem[] Numbered(string prefix, int count, int lowest, int highest, int maxAnswers = 1, bool required = false) =>
        [.. Enumerable.Range(1, count).Select(n => new ScoredItem($"{prefix}{n}", lowest, highest, maxAnswers, required))];
}
