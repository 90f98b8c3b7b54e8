namespace SpineDesk.Clinical.Instruments;

/// <summary>The Keele STarT Back risk groups, in order of risk.</summary>
public enum StartBackRisk
{
    /// <summary>Low risk: total score 3 or less.</summary>
    Low = 1,

    /// <summary>Medium risk: total above 3 and distress subscale below 4.</summary>
    Medium = 2,

    /// <summary>High risk: total above 3 and distress subscale 4 or 5.</summary>
    High = 3,
}

/// <summary>The answer values of STarT Back item 9 (how bothersome the back pain has been).</summary>
public enum StartBackBothersomeness
{
    /// <summary>Not at all.</summary>
    NotAtAll = 0,

    /// <summary>Slightly.</summary>
    Slightly = 1,

    /// <summary>Moderately.</summary>
    Moderately = 2,

    /// <summary>Very much: scores 1.</summary>
    VeryMuch = 3,

    /// <summary>Extremely: scores 1.</summary>
    Extremely = 4,
}

/// <summary>A Keele STarT Back score; see <see cref="StartBackScorer"/> for the rules.</summary>
public sealed record StartBackResult
{
    internal StartBackResult(int total, int distressSubscale)
    {
        Total = total;
        DistressSubscale = distressSubscale;
        Risk = StartBackScorer.RiskOf(total, distressSubscale);
    }

    /// <summary>The total score, 0 to 9.</summary>
    public int Total { get; }

    /// <summary>The distress (psychosocial) subscale, items 5 to 9, 0 to 5.</summary>
    public int DistressSubscale { get; }

    /// <summary>The risk group.</summary>
    public StartBackRisk Risk { get; }

    /// <summary>The scores as observations in panel LOINC 91349-1: total (91351-7), distress subscale (91350-9) and
    /// risk group (91352-5, value 1 low, 2 medium, 3 high, with the group's code as interpretation).</summary>
    public InstrumentScore ToScore() => new(
        StartBackScorer.Key,
        new ScoreCode(ScoreCodeSystems.Loinc, StartBackScorer.PanelLoincCode, "Keele STarT Back Screening Tool panel"),
        [
            new(ScoreCodeSystems.Loinc, StartBackScorer.TotalLoincCode, "STarT Back total score", Total, "{score}", null, false),
            new(ScoreCodeSystems.Loinc, StartBackScorer.SubscaleLoincCode, "STarT Back distress subscale score", DistressSubscale, "{score}", null, false),
            new(ScoreCodeSystems.Loinc, StartBackScorer.RiskLoincCode, "STarT Back risk group", (int)Risk, null, StartBackScorer.CodeOf(Risk), false),
        ]);
}
