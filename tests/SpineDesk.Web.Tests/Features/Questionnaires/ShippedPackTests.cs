using SpineDesk.Clinical.RedFlags;
using SpineDesk.Web.Features.Intake;
using SpineDesk.Web.Features.Questionnaires;

namespace SpineDesk.Web.Tests.Features.Questionnaires;

/// <summary>The packs in content/questionnaires: each validates, names its scorer and scores as DESIGN.md §4.1 says.</summary>
public sealed class ShippedPackTests
{
    public static TheoryData<string> Keys => [.. PackFiles.ShippedKeys];

    private static ParsedPack Read(string key)
    {
        var reading = PackValidator.Read(PackFiles.Text(key));
        Assert.True(reading.Succeeded, string.Join(Environment.NewLine, reading.Errors));
        return reading.Pack!;
    }

    private static IReadOnlyList<PackOption> Options(string key, string linkId)
    {
        var item = PackItems.All(Read(key).Questionnaire).Single(i => i.LinkId == linkId).Item;
        return PackItems.Options(item);
    }

    [Fact]
    public void The_folder_holds_the_shipped_packs_and_nothing_else()
    {
        var files = Directory.GetFiles(PackFiles.Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(PackFiles.ShippedKeys, files);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_shipped_pack_validates_under_its_own_key_and_canonical_url(string key)
    {
        var pack = Read(key);

        Assert.Equal(key, pack.Key);
        Assert.Equal("1.0.0", pack.Version);
        Assert.Equal(PackFormat.CanonicalBase + key, pack.CanonicalUrl);
        Assert.Equal("SpineDesk", pack.Questionnaire.Publisher);
        Assert.False(string.IsNullOrWhiteSpace(pack.Questionnaire.Description));
        Assert.All(PackItems.All(pack.Questionnaire).Where(i => i.Item.Type != Hl7.Fhir.Model.Questionnaire.QuestionnaireItemType.Group), i => Assert.False(string.IsNullOrWhiteSpace(i.Item.Text)));
    }

    [Theory]
    [InlineData("pain-intensity", "nrs-0-10", false)]
    [InlineData("global-change", "global-change-7", false)]
    [InlineData("red-flags", null, false)]
    [InlineData("pain-history", null, false)]
    [InlineData("rmdq-24", "rmdq-24", true)]
    [InlineData("odi-2.1a", "odi-2.1a", true)]
    [InlineData("startback-9", "startback-9", true)]
    public void Each_pack_names_its_scorer_and_says_whether_its_wording_is_a_placeholder(string key, string? scorer, bool placeholder)
    {
        var pack = Read(key);

        Assert.Equal(scorer, pack.ScorerKey);
        Assert.Equal(placeholder, pack.HasPlaceholderWording);
    }

    [Theory]
    [InlineData("odi-2.1a", "97908-8")]
    [InlineData("startback-9", "91349-1")]
    public void Published_instruments_carry_their_LOINC_panel_code(string key, string loinc)
    {
        var code = Assert.Single(Read(key).Questionnaire.Code);

        Assert.Equal("http://loinc.org", code.System);
        Assert.Equal(loinc, code.Code);
    }

    [Fact]
    public void Oswestry_sections_score_their_position_0_to_5()
    {
        for (var n = 1; n <= 10; n++)
        {
            var options = Options("odi-2.1a", $"odi-{n}");
            Assert.Equal(["0", "1", "2", "3", "4", "5"], options.Select(o => o.Value));
            Assert.Equal([0m, 1m, 2m, 3m, 4m, 5m], options.Select(o => o.Score));
        }
    }

    [Fact]
    public void Roland_Morris_items_score_1_only_when_ticked_and_not_applicable_scores_0()
    {
        for (var n = 1; n <= 24; n++)
        {
            var options = Options("rmdq-24", $"rmdq-{n}");
            Assert.Equal([("0", 0m), ("1", 1m), ("2", 0m)], options.Select(o => (o.Value, o.Score!.Value)));
        }
    }

    [Fact]
    public void StarT_Back_items_1_to_8_score_agree_and_item_9_scores_only_its_two_highest_levels()
    {
        for (var n = 1; n <= 8; n++)
        {
            Assert.Equal([("0", 0m), ("1", 1m)], Options("startback-9", $"startback-{n}").Select(o => (o.Value, o.Score!.Value)));
        }

        Assert.Equal([("0", 0m), ("1", 0m), ("2", 0m), ("3", 1m), ("4", 1m)], Options("startback-9", "startback-9").Select(o => (o.Value, o.Score!.Value)));
    }

    [Fact]
    public void Pain_ratings_run_0_to_10_and_the_global_rating_1_much_better_to_7_much_worse()
    {
        foreach (var linkId in new[] { "back-pain-nrs", "leg-pain-nrs" })
        {
            var options = Options("pain-intensity", linkId);
            Assert.Equal(Enumerable.Range(0, 11).Select(n => ((string, decimal))(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n)), options.Select(o => (o.Value, o.Score!.Value)));
        }

        var change = Options("global-change", "global-change");
        Assert.Equal(Enumerable.Range(1, 7).Select(n => (decimal?)n), change.Select(o => o.Score));
        Assert.Equal("Much better", change[0].Display);
        Assert.Equal("Much worse", change[^1].Display);
    }

    [Fact]
    public void The_red_flag_pack_asks_the_contact_forms_questions_in_the_same_words_with_the_signs_as_answer_values()
    {
        var pack = Read("red-flags");
        var questions = PackItems.All(pack.Questionnaire).Where(i => i.Item.Type == Hl7.Fhir.Model.Questionnaire.QuestionnaireItemType.Choice).ToList();

        Assert.Equal(RedFlagQuestions.Groups.Select(g => g.Legend), questions.Select(q => q.Item.Text));
        foreach (var (group, question) in RedFlagQuestions.Groups.Zip(questions))
        {
            Assert.True(question.Item.Repeats);
            Assert.Equal(group.Questions.Select(q => (q.Sign.ToString(), q.Text)), PackItems.Options(question.Item).Select(o => (o.Value, o.Display)));
        }

        Assert.Equal(Enum.GetNames<RedFlagSign>().Order(), questions.SelectMany(q => PackItems.Options(q.Item)).Select(o => o.Value).Order());
    }

    [Fact]
    public void Pain_history_asks_duration_onset_treatments_tried_and_goals()
    {
        var pack = Read("pain-history");

        Assert.Equal(["Your back pain so far", "What you have tried", "What you hope for"], PackItems.Sections(pack.Questionnaire).Select(s => s.Title));
        Assert.Equal(["physical-therapy", "medication", "steroid-injection", "surgery", "other"], Options("pain-history", "treatments-tried").Select(o => o.Value));
        var items = PackItems.All(pack.Questionnaire).Select(i => i.LinkId).ToList();
        Assert.Contains("pain-duration", items);
        Assert.Contains("pain-onset", items);
        Assert.Contains("goals", items);
    }

    [Fact]
    public void Each_top_level_group_is_a_section_with_its_items()
    {
        var sections = PackItems.Sections(Read("odi-2.1a").Questionnaire);

        Assert.Equal([1, 2], sections.Select(s => s.Number));
        Assert.Equal(["odi-part-1", "odi-part-2"], sections.Select(s => s.LinkId));
        Assert.Equal(["odi-instructions", "odi-1", "odi-2", "odi-3", "odi-4", "odi-5"], sections[0].Items.Select(i => i.LinkId));
        Assert.Equal(["odi-6", "odi-7", "odi-8", "odi-9", "odi-10"], sections[1].Items.Select(i => i.LinkId));
    }
}
