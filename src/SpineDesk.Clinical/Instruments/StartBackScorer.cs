namespace SpineDesk.Clinical.Instruments;

/// <summary>
/// The Keele STarT Back Screening Tool, 9 items (Hill et al., "A primary care back pain screening tool:
/// identifying patient subgroups for initial treatment", Arthritis Rheum 2008;59(5):632–641; scoring as published
/// by Keele University and as DESIGN.md §4.1 specifies):
/// <list type="bullet">
/// <item>Items 1 to 8: agree scores 1, disagree 0.</item>
/// <item>Item 9: scores 1 only for "very much" or "extremely", otherwise 0.</item>
/// <item>Total = all nine, 0 to 9; distress subscale = items 5 to 9, 0 to 5.</item>
/// <item>Risk group, in this order: total ≤ 3 → low; otherwise subscale ≥ 4 → high; otherwise medium.</item>
/// </list>
/// <para>Items (all required): <c>startback-1</c> to <c>startback-8</c>, values <see cref="Disagree"/> (0) and
/// <see cref="Agree"/> (1); <c>startback-9</c>, values 0 to 4 (see <see cref="StartBackBothersomeness"/>). The
/// tool defines a risk group only from a complete response, so SpineDesk refuses a response with an item
/// unanswered rather than guess it. Coded LOINC 91349-1 (panel), 91351-7 (total), 91350-9 (subscale), 91352-5
/// (risk group).</para>
/// </summary>
public sealed class StartBackScorer : IInstrumentScorer
{
    /// <summary>The scorer's key.</summary>
    public const string Key = "startback-9";

    /// <summary>The scorer's name.</summary>
    public const string Name = "Keele STarT Back Screening Tool";

    /// <summary>The prefix of the item linkIds <c>startback-1</c> to <c>startback-9</c>.</summary>
    public const string LinkIdPrefix = "startback-";

    /// <summary>The answer value for "disagree" (items 1 to 8).</summary>
    public const int Disagree = 0;

    /// <summary>The answer value for "agree" (items 1 to 8).</summary>
    public const int Agree = 1;

    /// <summary>LOINC code of the STarT Back panel.</summary>
    public const string PanelLoincCode = "91349-1";

    /// <summary>LOINC code of the total score.</summary>
    public const string TotalLoincCode = "91351-7";

    /// <summary>LOINC code of the distress subscale score.</summary>
    public const string SubscaleLoincCode = "91350-9";

    /// <summary>LOINC code of the risk group.</summary>
    public const string RiskLoincCode = "91352-5";

    private static readonly ScoredItemSet ItemSet = new(Key, Name,
    [
        .. ScoredItemSet.Numbered(LinkIdPrefix, 8, Disagree, Agree, required: true),
        new ScoredItem(LinkIdPrefix + "9", (int)StartBackBothersomeness.NotAtAll, (int)StartBackBothersomeness.Extremely, Required: true),
    ]);

    /// <summary>The scored items.</summary>
    public static IReadOnlyList<ScoredItem> Items => ItemSet.Items;

    string IInstrumentScorer.Key => Key;

    string IInstrumentScorer.Name => Name;

    IReadOnlyList<ScoredItem> IInstrumentScorer.Items => Items;

    /// <summary>Scores one response.</summary>
    /// <exception cref="InstrumentAnswerException">An unknown item, a value the item does not allow, several answers
    /// to an item, or an item unanswered.</exception>
    public static StartBackResult Evaluate(IReadOnlyDictionary<string, IReadOnlyList<int>> answers)
    {
        ItemSet.Check(answers);
        int total = 0, subscale = 0;
        for (var n = 1; n <= 9; n++)
        {
            var value = ScoredItemSet.Answered(answers, Items[n - 1].LinkId)!.Value;
            var points = n < 9
                ? (value == Agree ? 1 : 0)
                : (value >= (int)StartBackBothersomeness.VeryMuch ? 1 : 0);
            total += points;
            subscale += n >= 5 ? points : 0;
        }

        return new StartBackResult(total, subscale);
    }

    /// <inheritdoc/>
    public InstrumentScore Score(IReadOnlyDictionary<string, IReadOnlyList<int>> answers) => Evaluate(answers).ToScore();

    /// <summary>The risk group for a total and a distress subscale: total ≤ 3 → low; otherwise subscale ≥ 4 →
    /// high; otherwise medium. The low check comes first, so a total of 3 is low even when all three points are
    /// distress items.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A pair no response can produce (total outside 0–9, subscale
    /// outside 0–5, subscale above total, or more than 4 points outside the subscale).</exception>
    public static StartBackRisk RiskOf(int total, int distressSubscale)
    {
        if (total is < 0 or > 9 || distressSubscale is < 0 or > 5 || distressSubscale > total || total - distressSubscale > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(total), (total, distressSubscale),
                "Not a possible STarT Back score: the total is 0 to 9, the distress subscale 0 to 5 and part of the total.");
        }

        return total <= 3 ? StartBackRisk.Low
            : distressSubscale >= 4 ? StartBackRisk.High
            : StartBackRisk.Medium;
    }

    /// <summary>The lowercase code of a risk group: <c>low</c>, <c>medium</c>, <c>high</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value that is not a defined risk group.</exception>
    public static string CodeOf(StartBackRisk risk) => risk switch
    {
        StartBackRisk.Low => "low",
        StartBackRisk.Medium => "medium",
        StartBackRisk.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "Unknown STarT Back risk group."),
    };
}
