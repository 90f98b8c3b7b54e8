using SpineDesk.Clinical.Instruments;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>One stored score, as read back for a summary.</summary>
public sealed record StoredScore(string Code, decimal Value, string? Interpretation, bool Incomplete);

/// <summary>
/// The scores of a self-assessment that the patient's summary, the inquiry page and the queue show, read from
/// its score observations by their codes.
/// </summary>
public sealed record ScoreSummary(
    int? BackPain,
    int? LegPain,
    decimal? Odi,
    string? OdiBand,
    bool OdiIncomplete,
    int? StartBackTotal,
    int? StartBackSubscale,
    string? StartBackRisk)
{
    public static ScoreSummary Empty { get; } = new(null, null, null, null, false, null, null, null);

    public bool IsEmpty => this == Empty;

    /// <summary>Severe disability or worse on the Oswestry (over 40%: severe, crippled or bed-bound).</summary>
    public bool SevereDisability => IsSevere(OdiBand);

    public bool HighRisk => StartBackRisk == StartBackScorer.CodeOf(Clinical.Instruments.StartBackRisk.High);

    public static bool IsSevere(string? odiBand) =>
        odiBand is "severe" or "crippled" or "bed-bound";

    /// <summary>Reads the scores; where a code occurs more than once, the last one given wins.</summary>
    public static ScoreSummary From(IEnumerable<StoredScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var summary = Empty;
        foreach (var score in scores)
        {
            summary = score.Code switch
            {
                NrsScorer.BackPainLinkId => summary with { BackPain = (int)score.Value },
                NrsScorer.LegPainLinkId => summary with { LegPain = (int)score.Value },
                OdiScorer.ScoreLoincCode => summary with { Odi = score.Value, OdiBand = score.Interpretation, OdiIncomplete = score.Incomplete },
                StartBackScorer.TotalLoincCode => summary with { StartBackTotal = (int)score.Value },
                StartBackScorer.SubscaleLoincCode => summary with { StartBackSubscale = (int)score.Value },
                StartBackScorer.RiskLoincCode => summary with { StartBackRisk = score.Interpretation },
                _ => summary,
            };
        }

        return summary;
    }
}
