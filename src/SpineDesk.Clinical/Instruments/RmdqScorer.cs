namespace SpineDesk.Clinical.Instruments;

/// <summary>A Roland-Morris Disability Questionnaire score.</summary>
/// <param name="Score">The number of items ticked, 0 to 24.</param>
/// <param name="NotApplicable">How many items were answered "not applicable" (they count as not ticked).</param>
public sealed record RmdqResult(int Score, int NotApplicable)
{
    /// <summary>The score as an observation.</summary>
    public InstrumentScore ToScore() => new(RmdqScorer.Key, null,
        [new(ScoreCodeSystems.SpineDesk, "rmdq-24-score", "Roland-Morris Disability Questionnaire (24 items) score", Score, "{score}", null, false)]);
}

/// <summary>
/// The Roland-Morris Disability Questionnaire, 24 items (Roland &amp; Morris, "A study of the natural history of
/// back pain. Part I", Spine 1983;8(2):141–144; Roland &amp; Fairbank, "The Roland-Morris Disability Questionnaire
/// and the Oswestry Disability Questionnaire", Spine 2000;25(24):3115–3124): the score is the number of
/// statements ticked, 0 (no disability) to 24; an item answered "not applicable" counts as not ticked
/// (DESIGN.md §4.1). The paper form has no rule for unanswered items because only ticked statements are marked,
/// so an unanswered item also counts as not ticked.
/// <para>Items (all optional): <c>rmdq-1</c> to <c>rmdq-24</c>, values <see cref="NotTicked"/> (0),
/// <see cref="Ticked"/> (1) and <see cref="NotApplicable"/> (2). The score is coded
/// <c>rmdq-24-score</c> in <see cref="ScoreCodeSystems.SpineDesk"/>.</para>
/// </summary>
public sealed class RmdqScorer : IInstrumentScorer
{
    /// <summary>The scorer's key.</summary>
    public const string Key = "rmdq-24";

    /// <summary>The scorer's name.</summary>
    public const string Name = "Roland-Morris Disability Questionnaire";

    /// <summary>The prefix of the item linkIds <c>rmdq-1</c> to <c>rmdq-24</c>.</summary>
    public const string LinkIdPrefix = "rmdq-";

    /// <summary>The number of items.</summary>
    public const int ItemCount = 24;

    /// <summary>The answer value for a statement not ticked.</summary>
    public const int NotTicked = 0;

    /// <summary>The answer value for a statement ticked (it describes the person today).</summary>
    public const int Ticked = 1;

    /// <summary>The answer value for "not applicable"; it counts as not ticked.</summary>
    public const int NotApplicable = 2;

    private static readonly ScoredItemSet ItemSet =
        new(Key, Name, ScoredItemSet.Numbered(LinkIdPrefix, ItemCount, NotTicked, NotApplicable));

    /// <summary>The scored items.</summary>
    public static IReadOnlyList<ScoredItem> Items => ItemSet.Items;

    string IInstrumentScorer.Key => Key;

    string IInstrumentScorer.Name => Name;

    IReadOnlyList<ScoredItem> IInstrumentScorer.Items => Items;

    /// <summary>Counts the items ticked in one response.</summary>
    /// <exception cref="InstrumentAnswerException">An unknown item, a value other than 0, 1 or 2, or several answers to an item.</exception>
    public static RmdqResult Evaluate(IReadOnlyDictionary<string, IReadOnlyList<int>> answers)
    {
        ItemSet.Check(answers);
        int ticked = 0, notApplicable = 0;
        foreach (var values in answers.Values)
        {
            if (values.Count == 0)
            {
                continue;
            }

            ticked += values[0] == Ticked ? 1 : 0;
            notApplicable += values[0] == NotApplicable ? 1 : 0;
        }

        return new RmdqResult(ticked, notApplicable);
    }

    /// <inheritdoc/>
    public InstrumentScore Score(IReadOnlyDictionary<string, IReadOnlyList<int>> answers) => Evaluate(answers).ToScore();
}
