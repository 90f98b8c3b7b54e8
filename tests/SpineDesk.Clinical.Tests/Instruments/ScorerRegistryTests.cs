using SpineDesk.Clinical.Instruments;

namespace SpineDesk.Clinical.Tests.Instruments;

public class ScorerRegistryTests
{
    /// <summary>The keys and linkIds packs depend on, written out: changing one breaks every shipped pack.</summary>
    public static TheoryData<string, string[], int, int> Catalogue() => new()
    {
        { "nrs-0-10", ["back-pain-nrs", "leg-pain-nrs"], 0, 10 },
        { "global-change-7", ["global-change"], 1, 7 },
        { "rmdq-24", [.. Enumerable.Range(1, 24).Select(n => $"rmdq-{n}")], 0, 2 },
        { "odi-2.1a", [.. Enumerable.Range(1, 10).Select(n => $"odi-{n}")], 0, 5 },
        { "startback-9", [.. Enumerable.Range(1, 9).Select(n => $"startback-{n}")], 0, 4 },
    };

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Each_key_names_a_scorer_with_fixed_linkIds_and_values(string key, string[] linkIds, int lowest, int highest)
    {
        var scorer = ScorerRegistry.Get(key);

        Assert.Equal(key, scorer.Key);
        Assert.Equal(linkIds, scorer.Items.Select(i => i.LinkId));
        Assert.Equal(lowest, scorer.Items.Min(i => i.Lowest));
        Assert.Equal(highest, scorer.Items.Max(i => i.Highest));
        Assert.False(string.IsNullOrWhiteSpace(scorer.Name));
    }

    [Fact]
    public void The_registry_holds_every_scorer_once()
    {
        Assert.Equal(["global-change-7", "nrs-0-10", "odi-2.1a", "rmdq-24", "startback-9"], ScorerRegistry.All.Select(s => s.Key));
    }

    [Fact]
    public void Only_Oswestry_sections_take_two_answers_and_only_STarT_Back_and_global_change_require_every_item()
    {
        foreach (var scorer in ScorerRegistry.All)
        {
            Assert.All(scorer.Items, i => Assert.Equal(scorer.Key == OdiScorer.Key ? 2 : 1, i.MaxAnswers));
            Assert.All(scorer.Items, i => Assert.Equal(scorer.Key is StartBackScorer.Key or GlobalChangeScorer.Key, i.Required));
        }
    }

    [Fact]
    public void Items_list_their_allowed_values()
    {
        var item9 = StartBackScorer.Items[8];

        Assert.Equal([0, 1, 2, 3, 4], item9.AllowedValues);
        Assert.True(item9.Allows(4));
        Assert.False(item9.Allows(5));
    }

    [Fact]
    public void An_unknown_key_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ScorerRegistry.Get("odi-2.0"));

        Assert.Contains("\"odi-2.0\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("odi-2.1a", error.Message, StringComparison.Ordinal);
        Assert.False(ScorerRegistry.TryGet("ODI-2.1A", out _));
    }
}
