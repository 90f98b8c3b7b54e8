using SpineDesk.Clinical.Instruments;

namespace SpineDesk.Clinical.Tests.Instruments;

public class StartBackScorerTests
{
    /// <summary>
    /// DESIGN.md §4.1 vectors, then the rules around them. Items 1–8: 1 agree, 0 disagree; item 9: 0 not at all,
    /// 1 slightly, 2 moderately, 3 very much, 4 extremely.
    /// </summary>
    [Theory]
    [InlineData("1,1,1,1,1,1,1,1,3", 9, 5, StartBackRisk.High)] // DESIGN: all positive → 9/5 high
    [InlineData("1,1,1,1,1,1,1,1,4", 9, 5, StartBackRisk.High)] // all positive, item 9 "extremely"
    [InlineData("1,1,1,1,0,0,0,0,0", 4, 0, StartBackRisk.Medium)] // DESIGN: items 1–4 only → 4/0 medium
    [InlineData("0,0,0,0,1,1,1,1,2", 4, 4, StartBackRisk.High)] // DESIGN: items 5–8 and item 9 "moderately" → 4/4 high
    [InlineData("0,0,0,0,1,1,1,0,0", 3, 3, StartBackRisk.Low)] // DESIGN: items 5–7 only → 3/3 low
    [InlineData("0,0,0,0,0,0,0,0,0", 0, 0, StartBackRisk.Low)]
    [InlineData("0,0,0,0,1,1,0,0,3", 3, 3, StartBackRisk.Low)] // low is checked first, even with subscale 3
    [InlineData("1,0,0,0,1,1,1,0,0", 4, 3, StartBackRisk.Medium)] // subscale 3 → medium
    [InlineData("1,0,0,0,1,1,1,0,4", 5, 4, StartBackRisk.High)] // subscale 4 → high
    [InlineData("1,1,1,1,1,1,1,0,2", 7, 3, StartBackRisk.Medium)]
    public void Reproduces_the_published_vectors(string answers, int total, int subscale, StartBackRisk risk)
    {
        var result = StartBackScorer.Evaluate(Responses.Numbered("startback-", answers));

        Assert.Equal((total, subscale, risk), (result.Total, result.DistressSubscale, result.Risk));
    }

    [Theory]
    [InlineData(StartBackBothersomeness.NotAtAll, 0)]
    [InlineData(StartBackBothersomeness.Slightly, 0)]
    [InlineData(StartBackBothersomeness.Moderately, 0)]
    [InlineData(StartBackBothersomeness.VeryMuch, 1)]
    [InlineData(StartBackBothersomeness.Extremely, 1)]
    public void Item_9_scores_only_very_much_and_extremely(StartBackBothersomeness answer, int points)
    {
        var result = StartBackScorer.Evaluate(Responses.Numbered("startback-", $"0,0,0,0,0,0,0,0,{(int)answer}"));

        Assert.Equal(points, result.Total);
        Assert.Equal(points, result.DistressSubscale);
    }

    [Fact]
    public void The_observations_are_coded_in_LOINC_with_their_panel()
    {
        var score = new StartBackScorer().Score(Responses.Numbered("startback-", "0,0,0,0,1,1,1,1,2"));

        Assert.Equal("91349-1", score.Panel?.Code);
        Assert.All(score.Observations, o => Assert.Equal(ScoreCodeSystems.Loinc, o.System));
        Assert.Equal(
            [("91351-7", 4m, null), ("91350-9", 4m, null), ("91352-5", 3m, "high")],
            score.Observations.Select(o => (o.Code, o.Value, o.Interpretation)));
        Assert.False(score.Incomplete);
    }

    [Theory]
    [InlineData("1,1,1,1,1,1,1,1,-", "startback-9", "not answered")]
    [InlineData("-,1,1,1,1,1,1,1,1", "startback-1", "not answered")]
    [InlineData("2,1,1,1,1,1,1,1,1", "startback-1", "2 is not an allowed answer (allowed: 0 to 1)")]
    [InlineData("1,1,1,1,1,1,1,1,5", "startback-9", "5 is not an allowed answer (allowed: 0 to 4)")]
    [InlineData("1,1,1,1,1,1,1,1,-1", "startback-9", "-1 is not an allowed answer")]
    [InlineData("1,0+1,1,1,1,1,1,1,1", "startback-2", "it takes one answer")]
    [InlineData("1,1,1,1,1,1,1,1,1,1", "startback-10", "is not one of its items")]
    public void A_wrong_or_missing_answer_is_refused_naming_the_item(string answers, string linkId, string message)
    {
        var error = Assert.Throws<InstrumentAnswerException>(() => StartBackScorer.Evaluate(Responses.Numbered("startback-", answers)));

        Assert.Equal(linkId, error.LinkId);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 0, StartBackRisk.Low)]
    [InlineData(3, 3, StartBackRisk.Low)]
    [InlineData(4, 0, StartBackRisk.Medium)]
    [InlineData(4, 3, StartBackRisk.Medium)]
    [InlineData(4, 4, StartBackRisk.High)]
    [InlineData(9, 5, StartBackRisk.High)]
    [InlineData(8, 4, StartBackRisk.High)]
    public void Risk_group_checks_low_first_then_the_subscale(int total, int subscale, StartBackRisk risk)
    {
        Assert.Equal(risk, StartBackScorer.RiskOf(total, subscale));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(10, 5)]
    [InlineData(6, 6)]
    [InlineData(3, 4)] // subscale above total
    [InlineData(5, 0)] // only four points exist outside the subscale
    public void An_impossible_pair_has_no_risk_group(int total, int subscale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StartBackScorer.RiskOf(total, subscale));
    }
}
