using CsCheck;
using SpineDesk.Clinical.Instruments;

namespace SpineDesk.Clinical.Tests.Instruments;

/// <summary>Every scorer, for any valid response, stays within its range; any invalid response is refused.</summary>
public class ScorerPropertyTests
{
    /// <summary>The range of every score code, written out independently of the scorers.</summary>
    private static readonly Dictionary<string, (decimal Lowest, decimal Highest)> Ranges = new(StringComparer.Ordinal)
    {
        ["back-pain-nrs"] = (0, 10),
        ["leg-pain-nrs"] = (0, 10),
        ["global-change"] = (1, 7),
        ["rmdq-24-score"] = (0, 24),
        ["97909-6"] = (0, 100),
        ["91351-7"] = (0, 9),
        ["91350-9"] = (0, 5),
        ["91352-5"] = (1, 3),
    };

    public static TheoryData<string> Keys() => [.. ScorerRegistry.All.Select(s => s.Key)];

    /// <summary>An answer to one item: null leaves the key out, an empty list is "not answered" too.</summary>
    private static Gen<int[]?> ValidAnswer(ScoredItem item)
    {
        var values = Gen.Int[item.Lowest, item.Highest].Array[1, item.MaxAnswers].Where(a => a.Distinct().Count() == a.Length);
        return item.Required
            ? values.Select(a => (int[]?)a)
            : Gen.Frequency((1, Gen.Const((int[]?)null)), (1, Gen.Const<int[]?>(Array.Empty<int>())), (6, values.Select(a => (int[]?)a)));
    }

    private static Gen<Dictionary<string, IReadOnlyList<int>>> ValidResponse(IInstrumentScorer scorer)
    {
        var all = Gen.Const(Array.Empty<(string LinkId, int[]? Values)>());
        foreach (var item in scorer.Items)
        {
            all = Gen.Select(all, ValidAnswer(item), (answers, answer) => answers.Append((item.LinkId, answer)).ToArray());
        }

        return all
            .Select(answers => answers.Where(a => a.Values is not null)
                .ToDictionary(a => a.LinkId, a => (IReadOnlyList<int>)a.Values!, StringComparer.Ordinal))
            // A response with nothing to score is refused by design (see the scorers' tests); leave it out here.
            .Where(answers => scorer.Key is not (OdiScorer.Key or NrsScorer.Key) || answers.Values.Any(v => v.Count > 0));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_valid_response_is_scored_within_range(string key)
    {
        var scorer = ScorerRegistry.Get(key);
        ValidResponse(scorer).Sample(answers =>
        {
            var score = scorer.Score(answers);
            return score.ScorerKey == key
                && score.Observations.Count > 0
                && score.Observations.All(o => Ranges[o.Code].Lowest <= o.Value && o.Value <= Ranges[o.Code].Highest);
        });
    }

    [Fact]
    public void Oswestry_is_the_exact_fraction_its_rounding_and_band_agree_and_incomplete_means_fewer_than_8()
    {
        ValidResponse(new OdiScorer()).Sample(answers =>
        {
            var result = OdiScorer.Evaluate(answers);
            var answered = answers.Values.Count(v => v.Count > 0);
            var points = answers.Values.Where(v => v.Count > 0).Sum(v => v.Max());
            return result.SectionsAnswered == answered
                && result.Points == points
                && Math.Abs(result.Percentage * result.MaximumPoints - 100m * points) < 1e-20m
                && Math.Abs(result.RoundedPercentage - result.Percentage) <= 0.05m
                && OdiScorer.BandOf(result.RoundedPercentage) == result.Band
                && result.Incomplete == (answered < 8);
        });
    }

    [Fact]
    public void STarT_Back_counts_points_and_groups_risk_as_published()
    {
        ValidResponse(new StartBackScorer()).Sample(answers =>
        {
            var result = StartBackScorer.Evaluate(answers);
            int Point(int n) => n < 9 ? answers[$"startback-{n}"][0] : answers["startback-9"][0] >= 3 ? 1 : 0;
            var total = Enumerable.Range(1, 9).Sum(Point);
            var subscale = Enumerable.Range(5, 5).Sum(Point);
            var expected = total <= 3 ? StartBackRisk.Low : subscale >= 4 ? StartBackRisk.High : StartBackRisk.Medium;
            return (result.Total, result.DistressSubscale, result.Risk) == (total, subscale, expected);
        });
    }

    private enum Fault
    {
        ValueOutOfRange,
        UnknownItem,
        TooManyAnswers,
        RequiredItemMissing,
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_invalid_response_is_refused_naming_the_item(string key)
    {
        var scorer = ScorerRegistry.Get(key);
        var outside = Gen.OneOf(Gen.Int[int.MinValue, -1], Gen.Int[11, int.MaxValue]);
        var cases = Gen.Select(ValidResponse(scorer), Gen.Int[0, scorer.Items.Count - 1], Gen.Enum<Fault>(), outside);
        cases.Sample((answers, index, fault, bad) =>
        {
            var item = scorer.Items[index];
            string? expected = item.LinkId;
            switch (fault)
            {
                case Fault.ValueOutOfRange:
                    answers[item.LinkId] = [bad];
                    break;
                case Fault.UnknownItem:
                    expected = $"{item.LinkId}-extra";
                    answers[expected] = [item.Lowest];
                    break;
                case Fault.TooManyAnswers:
                    answers[item.LinkId] = [.. item.AllowedValues.Take(item.MaxAnswers + 1)];
                    break;
                case Fault.RequiredItemMissing when item.Required:
                    answers.Remove(item.LinkId);
                    break;
                default:
                    return true; // not a fault for this item
            }

            try
            {
                scorer.Score(answers);
                return false;
            }
            catch (InstrumentAnswerException error)
            {
                return error.LinkId == expected && error.ScorerKey == key && error.Message.Contains(expected, StringComparison.Ordinal);
            }
        });
    }
}
