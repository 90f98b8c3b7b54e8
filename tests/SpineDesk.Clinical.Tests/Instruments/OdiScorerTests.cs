using SpineDesk.Clinical.Instruments;

namespace SpineDesk.Clinical.Tests.Instruments;

public class OdiScorerTests
{
    /// <summary>DESIGN.md §4.1 vectors, then the rules around them. "-" is a skipped section, "a+b" two boxes.</summary>
    [Theory]
    [InlineData("2,1,2,1,2,2,1,2,3,2", 18, 10, "36.0")] // DESIGN: → 36
    [InlineData("1,1,2,1,2,2,1,2,2,2", 16, 10, "32.0")] // DESIGN: → 32
    [InlineData("2,2,2,2,2,2,2,2,0,0", 16, 10, "32.0")] // DESIGN: 16 points over 10 sections → 32.0
    [InlineData("2,2,2,2,2,2,2,2,0,-", 16, 9, "35.6")] // DESIGN: the same 16 points, one section skipped → 35.6 (16/45)
    [InlineData("0,0,0,0,0,0,0,0,0,0", 0, 10, "0.0")]
    [InlineData("5,5,5,5,5,5,5,5,5,5", 50, 10, "100.0")]
    [InlineData("5,-,-,-,-,-,-,-,-,-", 5, 1, "100.0")]
    [InlineData("1,2,3,4,5,0,1,-,-,-", 16, 7, "45.7")] // 16/35 = 45.714…
    [InlineData("2+4,1,2,1,2,2,1,2,3,2", 20, 10, "40.0")] // two boxes → the higher (4)
    [InlineData("4+2,1,2,1,2,2,1,2,3,2", 20, 10, "40.0")] // in either order
    public void Reproduces_the_published_vectors(string answers, int points, int answered, string percentage)
    {
        var result = OdiScorer.Evaluate(Responses.Numbered("odi-", answers));

        Assert.Equal(points, result.Points);
        Assert.Equal(answered, result.SectionsAnswered);
        Assert.Equal(decimal.Parse(percentage, System.Globalization.CultureInfo.InvariantCulture), result.RoundedPercentage);
        Assert.Equal(percentage, result.RoundedPercentage.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Keeps_the_exact_value_behind_the_rounded_one()
    {
        var result = OdiScorer.Evaluate(Responses.Numbered("odi-", "2,2,2,2,2,2,2,2,0,-"));

        Assert.Equal(16, result.Points);
        Assert.Equal(45, result.MaximumPoints);
        Assert.Equal(1600m / 45, result.Percentage);
        Assert.Equal(35.6m, result.RoundedPercentage);
        Assert.Equal(OdiBand.Moderate, result.Band);
    }

    [Fact]
    public void Records_the_higher_box_per_section_and_null_for_skipped_ones()
    {
        var result = OdiScorer.Evaluate(Responses.Numbered("odi-", "1+3,-,0,2,2,2,2,2,2,2"));

        Assert.Equal([3, null, 0, 2, 2, 2, 2, 2, 2, 2], result.Sections);
    }

    [Theory]
    [InlineData("1,1,1,1,1,1,1,-,-,-", true)]
    [InlineData("1,1,1,1,1,1,1,1,-,-", false)]
    [InlineData("1,1,1,1,1,1,1,1,1,-", false)]
    [InlineData("1,-,-,-,-,-,-,-,-,-", true)]
    public void Fewer_than_eight_sections_is_scored_but_marked_incomplete(string answers, bool incomplete)
    {
        var result = OdiScorer.Evaluate(Responses.Numbered("odi-", answers));
        var observation = Assert.Single(result.ToScore().Observations);

        Assert.Equal(incomplete, result.Incomplete);
        Assert.Equal(incomplete, observation.Incomplete);
    }

    [Theory]
    [InlineData("0", OdiBand.Minimal)]
    [InlineData("20", OdiBand.Minimal)]
    [InlineData("20.0001", OdiBand.Moderate)]
    [InlineData("20.5", OdiBand.Moderate)]
    [InlineData("21", OdiBand.Moderate)]
    [InlineData("40", OdiBand.Moderate)]
    [InlineData("40.1", OdiBand.Severe)]
    [InlineData("41", OdiBand.Severe)]
    [InlineData("60", OdiBand.Severe)]
    [InlineData("60.1", OdiBand.Crippled)]
    [InlineData("61", OdiBand.Crippled)]
    [InlineData("80", OdiBand.Crippled)]
    [InlineData("80.1", OdiBand.BedBound)]
    [InlineData("81", OdiBand.BedBound)]
    [InlineData("100", OdiBand.BedBound)]
    public void Bands_read_the_published_ranges_as_upper_bounds(string percentage, OdiBand band)
    {
        Assert.Equal(band, OdiScorer.BandOf(decimal.Parse(percentage, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("100.1")]
    public void A_percentage_outside_0_to_100_has_no_band(string percentage)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            OdiScorer.BandOf(decimal.Parse(percentage, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("1,1,1,1,1,1,1,1,1,1", OdiBand.Minimal, "minimal")] // 20
    [InlineData("2,1,1,1,1,1,1,1,1,1", OdiBand.Moderate, "moderate")] // 22
    [InlineData("2,2,2,2,2,2,2,2,2,2", OdiBand.Moderate, "moderate")] // 40
    [InlineData("3,2,2,2,2,2,2,2,2,2", OdiBand.Severe, "severe")] // 42
    [InlineData("3,3,3,3,3,3,3,3,3,3", OdiBand.Severe, "severe")] // 60
    [InlineData("4,4,4,4,4,4,4,4,4,4", OdiBand.Crippled, "crippled")] // 80
    [InlineData("5,4,4,4,4,4,4,4,4,4", OdiBand.BedBound, "bed-bound")] // 82
    public void A_response_carries_its_band_as_the_interpretation(string answers, OdiBand band, string code)
    {
        var result = OdiScorer.Evaluate(Responses.Numbered("odi-", answers));
        var observation = Assert.Single(result.ToScore().Observations);

        Assert.Equal(band, result.Band);
        Assert.Equal(code, observation.Interpretation);
    }

    [Fact]
    public void The_observation_is_coded_in_LOINC_with_its_panel()
    {
        var score = new OdiScorer().Score(Responses.Numbered("odi-", "2,1,2,1,2,2,1,2,3,2"));

        Assert.Equal(new ScoreCode(ScoreCodeSystems.Loinc, "97908-8", "Oswestry Disability Index (ODI) v2.1a panel"), score.Panel);
        var observation = Assert.Single(score.Observations);
        Assert.Equal((ScoreCodeSystems.Loinc, "97909-6", 36.0m, "%"), (observation.System, observation.Code, observation.Value, observation.Unit));
        Assert.False(score.Incomplete);
    }

    [Theory]
    [InlineData("6,1,1,1,1,1,1,1,1,1", "odi-1", "6 is not an allowed answer")]
    [InlineData("1,-1,1,1,1,1,1,1,1,1", "odi-2", "-1 is not an allowed answer")]
    [InlineData("1,1,1+2+3,1,1,1,1,1,1,1", "odi-3", "it takes at most 2 answers")]
    [InlineData("1,1,1,2+2,1,1,1,1,1,1", "odi-4", "the answer 2 was given twice")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1", "odi-11", "is not one of its items")]
    public void A_wrong_answer_is_refused_naming_the_section(string answers, string linkId, string message)
    {
        var error = Assert.Throws<InstrumentAnswerException>(() => OdiScorer.Evaluate(Responses.Numbered("odi-", answers)));

        Assert.Equal(linkId, error.LinkId);
        Assert.Equal(OdiScorer.Key, error.ScorerKey);
        Assert.Contains(linkId, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_answered_is_refused()
    {
        var error = Assert.Throws<InstrumentAnswerException>(() => OdiScorer.Evaluate(Responses.Of(("odi-1", []), ("odi-2", []))));

        Assert.Null(error.LinkId);
        Assert.Contains("no section was answered", error.Message, StringComparison.Ordinal);
        Assert.Throws<InstrumentAnswerException>(() => OdiScorer.Evaluate(Responses.Of()));
    }
}
