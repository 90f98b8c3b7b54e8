namespace SpineDesk.Clinical.Instruments;

/// <summary>
/// The Oswestry Disability Index version 2.1a (Fairbank &amp; Pynsent, "The Oswestry Disability Index", Spine
/// 2000;25(22):2940–2952; licensed through Mapi Research Trust), scored as DESIGN.md §4.1 specifies:
/// <list type="bullet">
/// <item>Ten sections, each scored 0 to 5.</item>
/// <item>Score = sum ÷ (5 × sections answered) × 100, a percentage. A skipped section is left out of both the sum and the
/// denominator (16 points over 9 sections → 16/45 → 35.6).</item>
/// <item>Two boxes ticked in one section → the higher one counts. Three or more are refused as unreadable.</item>
/// <item>Fewer than 8 sections answered → scored but marked incomplete; no section answered → refused.</item>
/// <item>Bands 0–20 minimal, 21–40 moderate, 41–60 severe, 61–80 crippled, 81–100 bed-bound (see
/// <see cref="BandOf"/>).</item>
/// <item>The percentage is reported rounded to one decimal (<see cref="OdiResult.RoundedPercentage"/>); the exact
/// value is kept (<see cref="OdiResult.Percentage"/>, and exactly as <see cref="OdiResult.Points"/> over
/// <see cref="OdiResult.MaximumPoints"/>).</item>
/// </list>
/// <para>Items (all optional, two answers allowed): <c>odi-1</c> to <c>odi-10</c>, values 0 to 5 in the order of
/// the section's statements. Coded LOINC 97908-8 (panel) and 97909-6 (score).</para>
/// </summary>
public sealed class OdiScorer : IInstrumentScorer
{
    /// <summary>The scorer's key.</summary>
    public const string Key = "odi-2.1a";

    /// <summary>The scorer's name.</summary>
    public const string Name = "Oswestry Disability Index v2.1a";

    /// <summary>The prefix of the section linkIds <c>odi-1</c> to <c>odi-10</c>.</summary>
    public const string LinkIdPrefix = "odi-";

    /// <summary>The number of sections.</summary>
    public const int SectionCount = 10;

    /// <summary>The fewest sections answered for a score that is not marked incomplete.</summary>
    public const int CompleteSections = 8;

    /// <summary>LOINC code of the Oswestry panel.</summary>
    public const string PanelLoincCode = "97908-8";

    /// <summary>LOINC code of the Oswestry score.</summary>
    public const string ScoreLoincCode = "97909-6";

    private static readonly ScoredItemSet ItemSet =
        new(Key, Name, ScoredItemSet.Numbered(LinkIdPrefix, SectionCount, 0, 5, maxAnswers: 2));

    /// <summary>The scored items (the ten sections).</summary>
    public static IReadOnlyList<ScoredItem> Items => ItemSet.Items;

    string IInstrumentScorer.Key => Key;

    string IInstrumentScorer.Name => Name;

    IReadOnlyList<ScoredItem> IInstrumentScorer.Items => Items;

    /// <summary>Scores one response.</summary>
    /// <exception cref="InstrumentAnswerException">An unknown section, a value outside 0–5, more than two boxes
    /// ticked in a section, or no section answered.</exception>
    public static OdiResult Evaluate(IReadOnlyDictionary<string, IReadOnlyList<int>> answers)
    {
        ItemSet.Check(answers);
        var sections = new int?[SectionCount];
        var answered = 0;
        for (var i = 0; i < SectionCount; i++)
        {
            sections[i] = ScoredItemSet.Highest(answers, Items[i].LinkId);
            answered += sections[i] is null ? 0 : 1;
        }

        if (answered == 0)
        {
            throw ItemSet.RefuseResponse("no section was answered, so there is nothing to score.");
        }

        return new OdiResult(sections);
    }

    /// <inheritdoc/>
    public InstrumentScore Score(IReadOnlyDictionary<string, IReadOnlyList<int>> answers) => Evaluate(answers).ToScore();

    /// <summary>
    /// The band of a percentage. The published bands are written in whole numbers (0–20, 21–40, …); SpineDesk
    /// reads them as upper bounds so that every value has exactly one band: ≤ 20 minimal, &gt; 20 and ≤ 40
    /// moderate, &gt; 40 and ≤ 60 severe, &gt; 60 and ≤ 80 crippled, &gt; 80 bed-bound. The band is taken from the
    /// exact percentage; with sections scored 0–5 no attainable percentage lies strictly between 20 and 21 (or
    /// 40 and 41, 60 and 61, 80 and 81), so the reported one-decimal value always shows the same band.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A percentage below 0 or above 100.</exception>
    public static OdiBand BandOf(decimal percentage) => percentage switch
    {
        < 0 or > 100 => throw new ArgumentOutOfRangeException(nameof(percentage), percentage, "An Oswestry percentage is between 0 and 100."),
        <= 20 => OdiBand.Minimal,
        <= 40 => OdiBand.Moderate,
        <= 60 => OdiBand.Severe,
        <= 80 => OdiBand.Crippled,
        _ => OdiBand.BedBound,
    };

    /// <summary>The lowercase code of a band, used as the observation's interpretation: <c>minimal</c>,
    /// <c>moderate</c>, <c>severe</c>, <c>crippled</c>, <c>bed-bound</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value that is not a defined band.</exception>
    public static string CodeOf(OdiBand band) => band switch
    {
        OdiBand.Minimal => "minimal",
        OdiBand.Moderate => "moderate",
        OdiBand.Severe => "severe",
        OdiBand.Crippled => "crippled",
        OdiBand.BedBound => "bed-bound",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown Oswestry band."),
    };
}
