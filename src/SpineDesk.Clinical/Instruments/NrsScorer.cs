namespace SpineDesk.Clinical.Instruments;

/// <summary>The back pain and leg pain ratings of one response, each 0 (no pain) to 10 (worst pain imaginable).</summary>
/// <param name="BackPain">The back pain rating, or null when not answered.</param>
/// <param name="LegPain">The leg pain rating, or null when not answered.</param>
public sealed record NrsResult(int? BackPain, int? LegPain)
{
    /// <summary>The ratings as observations, one per rating answered.</summary>
    public InstrumentScore ToScore()
    {
        var observations = new List<ScoreObservation>(2);
        if (BackPain is { } back)
        {
            observations.Add(new(ScoreCodeSystems.SpineDesk, NrsScorer.BackPainLinkId, "Back pain intensity, 0-10 numeric rating", back, "{score}", null, false));
        }

        if (LegPain is { } leg)
        {
            observations.Add(new(ScoreCodeSystems.SpineDesk, NrsScorer.LegPainLinkId, "Leg pain intensity, 0-10 numeric rating", leg, "{score}", null, false));
        }

        return new InstrumentScore(NrsScorer.Key, null, observations);
    }
}

/// <summary>
/// Pain intensity on an 11-point numeric rating scale (NRS), 0 = no pain to 10 = worst pain imaginable: a single
/// item per site, scored as the number chosen (DESIGN.md §4.1; the 0–10 NRS is the pain-intensity measure
/// recommended by IMMPACT: Dworkin et al., "Core outcome measures for chronic pain clinical trials", Pain
/// 2005;113:9–19). SpineDesk asks in its own words about back pain and leg pain separately.
/// <para>Items (both optional, at least one answered): <c>back-pain-nrs</c> and <c>leg-pain-nrs</c>, values 0 to 10.
/// Each rating becomes its own observation coded in <see cref="ScoreCodeSystems.SpineDesk"/> with the item's
/// linkId as its code. LOINC 72514-3 (pain severity, 0–10 verbal numeric rating) names no body site, so it is
/// not used as the only code here: two ratings of one response would be indistinguishable. The FHIR edge may add
/// it alongside with a body site.</para>
/// </summary>
public sealed class NrsScorer : IInstrumentScorer
{
    /// <summary>The scorer's key.</summary>
    public const string Key = "nrs-0-10";

    /// <summary>The scorer's name.</summary>
    public const string Name = "Pain intensity, 0-10 numeric rating";

    /// <summary>The linkId (and SpineDesk code) of the back pain rating.</summary>
    public const string BackPainLinkId = "back-pain-nrs";

    /// <summary>The linkId (and SpineDesk code) of the leg pain rating.</summary>
    public const string LegPainLinkId = "leg-pain-nrs";

    private static readonly ScoredItemSet ItemSet =
        new(Key, Name, [new ScoredItem(BackPainLinkId, 0, 10), new ScoredItem(LegPainLinkId, 0, 10)]);

    /// <summary>The scored items.</summary>
    public static IReadOnlyList<ScoredItem> Items => ItemSet.Items;

    string IInstrumentScorer.Key => Key;

    string IInstrumentScorer.Name => Name;

    IReadOnlyList<ScoredItem> IInstrumentScorer.Items => Items;

    /// <summary>Reads and checks the ratings of one response.</summary>
    /// <exception cref="InstrumentAnswerException">A rating outside 0–10, an unknown item, or no rating at all.</exception>
    public static NrsResult Evaluate(IReadOnlyDictionary<string, IReadOnlyList<int>> answers)
    {
        ItemSet.Check(answers);
        var result = new NrsResult(
            ScoredItemSet.Answered(answers, BackPainLinkId),
            ScoredItemSet.Answered(answers, LegPainLinkId));
        if (result.BackPain is null && result.LegPain is null)
        {
            throw ItemSet.RefuseResponse("no rating was answered.");
        }

        return result;
    }

    /// <inheritdoc/>
    public InstrumentScore Score(IReadOnlyDictionary<string, IReadOnlyList<int>> answers) => Evaluate(answers).ToScore();
}
