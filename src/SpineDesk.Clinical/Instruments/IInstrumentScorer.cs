namespace SpineDesk.Clinical.Instruments;

/// <summary>
/// A scorer for one published or SpineDesk instrument, in a shape the web layer can use for any questionnaire
/// pack: the pack names its scorer by <see cref="Key"/> (see <see cref="ScorerRegistry"/>), the importer checks
/// the pack's scored items and answer values against <see cref="Items"/>, and a response is scored with
/// <see cref="Score"/>. The scoring rules are those of DESIGN.md §4.1; each implementation cites its source.
/// </summary>
public interface IInstrumentScorer
{
    /// <summary>The scorer's fixed key, named by a questionnaire pack (for example <c>odi-2.1a</c>).</summary>
    string Key { get; }

    /// <summary>The instrument's name for messages and screens (not its licensed wording).</summary>
    string Name { get; }

    /// <summary>The scored items: their fixed linkIds, the answer values each allows, how many answers each
    /// takes and whether it must be answered.</summary>
    IReadOnlyList<ScoredItem> Items { get; }

    /// <summary>Scores one response.</summary>
    /// <param name="answers">
    /// The answer value(s) chosen, by item linkId. Pass only this scorer's items (those in <see cref="Items"/>);
    /// a missing linkId or an empty list means the item was not answered. Several values are allowed only
    /// where <see cref="ScoredItem.MaxAnswers"/> says so (two ticked boxes in an Oswestry section).
    /// </param>
    /// <returns>The scores as observations with their codes.</returns>
    /// <exception cref="InstrumentAnswerException">An unknown linkId, a value the item does not allow, too many
    /// answers for an item, a required item left unanswered, or nothing to score; the message names the item.</exception>
    InstrumentScore Score(IReadOnlyDictionary<string, IReadOnlyList<int>> answers);
}

/// <summary>One scored item of an instrument: its linkId and the answer values it allows.</summary>
/// <param name="LinkId">The item's fixed linkId, the same in the structure-only pack and the licensed one.</param>
/// <param name="Lowest">The lowest allowed answer value.</param>
/// <param name="Highest">The highest allowed answer value; every whole value from lowest to highest is allowed.</param>
/// <param name="MaxAnswers">How many answers the item takes at most: 1 for a single choice, 2 for an Oswestry
/// section (two ticked boxes score the higher).</param>
/// <param name="Required">True when the instrument cannot be scored without this item.</param>
public sealed record ScoredItem(string LinkId, int Lowest, int Highest, int MaxAnswers = 1, bool Required = false)
{
    /// <summary>Every allowed answer value, lowest first.</summary>
    public IReadOnlyList<int> AllowedValues => [.. Enumerable.Range(Lowest, Highest - Lowest + 1)];

    /// <summary>True when <paramref name="value"/> is an allowed answer value for this item.</summary>
    public bool Allows(int value) => value >= Lowest && value <= Highest;
}
