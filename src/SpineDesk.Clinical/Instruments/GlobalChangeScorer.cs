namespace SpineDesk.Clinical.Instruments;

/// <summary>
/// The seven categories of SpineDesk's global rating of change, in answer-value order (DESIGN.md §4.1). The
/// names are codes; the wording shown to the patient is in SpineDesk's own pack, not the PGIC.
/// </summary>
public enum GlobalChange
{
    /// <summary>Much better.</summary>
    MuchBetter = 1,

    /// <summary>Better.</summary>
    Better = 2,

    /// <summary>A little better.</summary>
    LittleBetter = 3,

    /// <summary>About the same.</summary>
    AboutTheSame = 4,

    /// <summary>A little worse.</summary>
    LittleWorse = 5,

    /// <summary>Worse.</summary>
    Worse = 6,

    /// <summary>Much worse.</summary>
    MuchWorse = 7,
}

/// <summary>A global rating of change.</summary>
/// <param name="Rating">The category chosen.</param>
public sealed record GlobalChangeResult(GlobalChange Rating)
{
    /// <summary>The category as a lowercase code, for example <c>much-better</c>.</summary>
    public string Code => GlobalChangeScorer.CodeOf(Rating);

    /// <summary>The rating as an observation: value 1 (much better) to 7 (much worse), the category as its interpretation.</summary>
    public InstrumentScore ToScore() => new(GlobalChangeScorer.Key, null,
        [new(ScoreCodeSystems.SpineDesk, GlobalChangeScorer.LinkId, "Global rating of change, 7 points", (int)Rating, "{score}", Code, false)]);
}

/// <summary>
/// SpineDesk's global rating of change: one item, seven points from 1 "much better" to 7 "much worse" with 4
/// "about the same" in the middle, scored as the category chosen (DESIGN.md §4.1). It is SpineDesk's own scale,
/// not the Patient Global Impression of Change; the design follows Kamper, Maher &amp; Mackay, "Global rating of
/// change scales: a review of strengths and weaknesses and considerations for design", J Man Manip Ther
/// 2009;17(3):163–170.
/// <para>Item (required): <c>global-change</c>, values 1 to 7 (see <see cref="GlobalChange"/>).</para>
/// </summary>
public sealed class GlobalChangeScorer : IInstrumentScorer
{
    /// <summary>The scorer's key.</summary>
    public const string Key = "global-change-7";

    /// <summary>The scorer's name.</summary>
    public const string Name = "Global rating of change";

    /// <summary>The linkId (and SpineDesk code) of the single item.</summary>
    public const string LinkId = "global-change";

    private static readonly ScoredItemSet ItemSet = new(Key, Name, [new ScoredItem(LinkId, 1, 7, Required: true)]);

    /// <summary>The scored items.</summary>
    public static IReadOnlyList<ScoredItem> Items => ItemSet.Items;

    string IInstrumentScorer.Key => Key;

    string IInstrumentScorer.Name => Name;

    IReadOnlyList<ScoredItem> IInstrumentScorer.Items => Items;

    /// <summary>Reads and checks the rating of one response.</summary>
    /// <exception cref="InstrumentAnswerException">The item is unanswered, outside 1–7, or has several answers.</exception>
    public static GlobalChangeResult Evaluate(IReadOnlyDictionary<string, IReadOnlyList<int>> answers)
    {
        ItemSet.Check(answers);
        return new GlobalChangeResult((GlobalChange)ScoredItemSet.Answered(answers, LinkId)!.Value);
    }

    /// <inheritdoc/>
    public InstrumentScore Score(IReadOnlyDictionary<string, IReadOnlyList<int>> answers) => Evaluate(answers).ToScore();

    /// <summary>The lowercase code of a category, for example <c>about-the-same</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value that is not a defined category.</exception>
    public static string CodeOf(GlobalChange rating) => rating switch
    {
        GlobalChange.MuchBetter => "much-better",
        GlobalChange.Better => "better",
        GlobalChange.LittleBetter => "a-little-better",
        GlobalChange.AboutTheSame => "about-the-same",
        GlobalChange.LittleWorse => "a-little-worse",
        GlobalChange.Worse => "worse",
        GlobalChange.MuchWorse => "much-worse",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Unknown global change category."),
    };
}
