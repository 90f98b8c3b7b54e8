using SpineDesk.Clinical.Instruments;

namespace SpineDesk.Clinical.Tests.Instruments;

public class RmdqAndSingleItemScorerTests
{
    private static string Repeat(string answer, int count) => string.Join(",", Enumerable.Repeat(answer, count));

    [Theory]
    [InlineData("", 0, 0)] // nothing ticked
    [InlineData("0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", 0, 0)]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1", 24, 0)]
    [InlineData("2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2", 0, 24)] // not applicable counts as not ticked
    [InlineData("1,2,0,1,-,1,2,-,1", 4, 2)]
    [InlineData("-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,1", 1, 0)]
    public void Counts_the_items_ticked(string answers, int score, int notApplicable)
    {
        var response = answers.Length == 0 ? Responses.Of() : Responses.Numbered("rmdq-", answers);
        var result = RmdqScorer.Evaluate(response);

        Assert.Equal((score, notApplicable), (result.Score, result.NotApplicable));
        var observation = Assert.Single(new RmdqScorer().Score(response).Observations);
        Assert.Equal((ScoreCodeSystems.SpineDesk, "rmdq-24-score", (decimal)score), (observation.System, observation.Code, observation.Value));
    }

    [Theory]
    [InlineData("3", "rmdq-1", "3 is not an allowed answer (allowed: 0 to 2)")]
    [InlineData("-1", "rmdq-1", "-1 is not an allowed answer")]
    [InlineData("0,1+2", "rmdq-2", "it takes one answer")]
    public void A_wrong_answer_is_refused_naming_the_item(string answers, string linkId, string message)
    {
        var error = Assert.Throws<InstrumentAnswerException>(() => RmdqScorer.Evaluate(Responses.Numbered("rmdq-", answers)));

        Assert.Equal(linkId, error.LinkId);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_25th_item_is_refused()
    {
        var error = Assert.Throws<InstrumentAnswerException>(() => RmdqScorer.Evaluate(Responses.Numbered("rmdq-", Repeat("1", 25))));

        Assert.Equal("rmdq-25", error.LinkId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(10)]
    public void A_pain_rating_is_the_number_chosen(int rating)
    {
        var result = NrsScorer.Evaluate(Responses.Of((NrsScorer.BackPainLinkId, [rating])));

        Assert.Equal(rating, result.BackPain);
        Assert.Null(result.LegPain);
        var observation = Assert.Single(result.ToScore().Observations);
        Assert.Equal((ScoreCodeSystems.SpineDesk, "back-pain-nrs", (decimal)rating), (observation.System, observation.Code, observation.Value));
    }

    [Fact]
    public void Back_and_leg_ratings_are_separate_observations()
    {
        var score = new NrsScorer().Score(Responses.Of(("back-pain-nrs", [3]), ("leg-pain-nrs", [8])));

        Assert.Equal([("back-pain-nrs", 3m), ("leg-pain-nrs", 8m)], score.Observations.Select(o => (o.Code, o.Value)));
    }

    [Theory]
    [InlineData("back-pain-nrs", 11, "11 is not an allowed answer (allowed: 0 to 10)")]
    [InlineData("back-pain-nrs", -1, "-1 is not an allowed answer")]
    [InlineData("leg-pain-nrs", 11, "11 is not an allowed answer")]
    [InlineData("neck-pain-nrs", 5, "is not one of its items")]
    public void A_rating_outside_0_to_10_or_of_an_unknown_item_is_refused(string linkId, int rating, string message)
    {
        var error = Assert.Throws<InstrumentAnswerException>(() => NrsScorer.Evaluate(Responses.Of((linkId, [rating]))));

        Assert.Equal(linkId, error.LinkId);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_ratings_for_one_site_or_none_at_all_are_refused()
    {
        Assert.Equal("back-pain-nrs",
            Assert.Throws<InstrumentAnswerException>(() => NrsScorer.Evaluate(Responses.Of(("back-pain-nrs", [2, 3])))).LinkId);
        var none = Assert.Throws<InstrumentAnswerException>(() => NrsScorer.Evaluate(Responses.Of(("leg-pain-nrs", []))));
        Assert.Null(none.LinkId);
        Assert.Contains("no rating was answered", none.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, GlobalChange.MuchBetter, "much-better")]
    [InlineData(2, GlobalChange.Better, "better")]
    [InlineData(3, GlobalChange.LittleBetter, "a-little-better")]
    [InlineData(4, GlobalChange.AboutTheSame, "about-the-same")]
    [InlineData(5, GlobalChange.LittleWorse, "a-little-worse")]
    [InlineData(6, GlobalChange.Worse, "worse")]
    [InlineData(7, GlobalChange.MuchWorse, "much-worse")]
    public void Global_change_is_the_category_chosen(int value, GlobalChange rating, string code)
    {
        var result = GlobalChangeScorer.Evaluate(Responses.Of(("global-change", [value])));
        var observation = Assert.Single(result.ToScore().Observations);

        Assert.Equal(rating, result.Rating);
        Assert.Equal(((decimal)value, code), (observation.Value, observation.Interpretation));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void Global_change_outside_1_to_7_is_refused(int value)
    {
        var error = Assert.Throws<InstrumentAnswerException>(() => GlobalChangeScorer.Evaluate(Responses.Of(("global-change", [value]))));

        Assert.Equal("global-change", error.LinkId);
    }

    [Fact]
    public void Global_change_must_be_answered()
    {
        var error = Assert.Throws<InstrumentAnswerException>(() => GlobalChangeScorer.Evaluate(Responses.Of()));

        Assert.Equal("global-change", error.LinkId);
        Assert.Contains("not answered", error.Message, StringComparison.Ordinal);
    }
}
