using BenchmarkDotNet.Attributes;
using SpineDesk.Clinical.Instruments;

namespace SpineDesk.Benchmarks;

/// <summary>
/// Scoring one response of each instrument through <see cref="IInstrumentScorer.Score"/>, the path the web layer
/// takes (checking every answer, scoring, building the observations). The baseline reads and sums ten ints from
/// a dictionary of the same shape (an Oswestry response), the least any scorer could do with its answers.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private readonly IInstrumentScorer nrs = ScorerRegistry.Get(NrsScorer.Key);
    private readonly IInstrumentScorer globalChange = ScorerRegistry.Get(GlobalChangeScorer.Key);
    private readonly IInstrumentScorer rmdq = ScorerRegistry.Get(RmdqScorer.Key);
    private readonly IInstrumentScorer odi = ScorerRegistry.Get(OdiScorer.Key);
    private readonly IInstrumentScorer startBack = ScorerRegistry.Get(StartBackScorer.Key);

    private readonly Dictionary<string, IReadOnlyList<int>> nrsAnswers = new(StringComparer.Ordinal)
    {
        [NrsScorer.BackPainLinkId] = [6],
        [NrsScorer.LegPainLinkId] = [7],
    };

    private readonly Dictionary<string, IReadOnlyList<int>> globalChangeAnswers = new(StringComparer.Ordinal)
    {
        [GlobalChangeScorer.LinkId] = [3],
    };

    // Every item answered: 1 ticked, 0 not ticked, 2 not applicable.
    private readonly Dictionary<string, IReadOnlyList<int>> rmdqAnswers = Numbered("rmdq-", [1, 0, 1, 1, 0, 2, 1, 0, 0, 1, 1, 0, 1, 0, 2, 1, 1, 0, 0, 1, 0, 1, 0, 1]);

    // DESIGN.md §4.1's first vector (→ 36), with two boxes ticked in the last section.
    private readonly Dictionary<string, IReadOnlyList<int>> odiAnswers = Numbered("odi-", [2, 1, 2, 1, 2, 2, 1, 2, 3, 2]);

    // DESIGN.md §4.1's "all positive" vector (→ 9/5 high).
    private readonly Dictionary<string, IReadOnlyList<int>> startBackAnswers = Numbered("startback-", [1, 1, 1, 1, 1, 1, 1, 1, 3]);

    private readonly string[] odiLinkIds = [.. OdiScorer.Items.Select(i => i.LinkId)];

    public ScoringBenchmarks() => odiAnswers["odi-10"] = [2, 1];

    [Benchmark(Baseline = true, Description = "Baseline: sum 10 ints from a dictionary")]
    public int SumTenInts()
    {
        var sum = 0;
        foreach (var linkId in odiLinkIds)
        {
            if (odiAnswers.TryGetValue(linkId, out var values) && values.Count > 0)
            {
                sum += values[0];
            }
        }

        return sum;
    }

    [Benchmark(Description = "NRS 0-10 (back and leg)")]
    public InstrumentScore Nrs() => nrs.Score(nrsAnswers);

    [Benchmark(Description = "Global rating of change")]
    public InstrumentScore GlobalChange() => globalChange.Score(globalChangeAnswers);

    [Benchmark(Description = "RMDQ-24")]
    public InstrumentScore Rmdq() => rmdq.Score(rmdqAnswers);

    [Benchmark(Description = "ODI v2.1a")]
    public InstrumentScore Odi() => odi.Score(odiAnswers);

    [Benchmark(Description = "STarT Back")]
    public InstrumentScore StartBack() => startBack.Score(startBackAnswers);

    private static Dictionary<string, IReadOnlyList<int>> Numbered(string prefix, int[] answers) =>
        answers.Select((value, i) => (LinkId: $"{prefix}{i + 1}", Value: value))
            .ToDictionary(a => a.LinkId, a => (IReadOnlyList<int>)[a.Value], StringComparer.Ordinal);
}
