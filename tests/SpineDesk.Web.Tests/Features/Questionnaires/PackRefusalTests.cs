using System.Text.Json.Nodes;
using SpineDesk.Web.Features.Questionnaires;

namespace SpineDesk.Web.Tests.Features.Questionnaires;

/// <summary>A pack SpineDesk cannot use is refused, and each message names the item at fault.</summary>
public sealed class PackRefusalTests
{
    private static IReadOnlyList<string> Refusal(string json)
    {
        var reading = PackValidator.Read(json);
        Assert.False(reading.Succeeded);
        Assert.Null(reading.Pack);
        Assert.NotEmpty(reading.Errors);
        return reading.Errors;
    }

    private static IReadOnlyList<string> Refusal(string key, Action<JsonObject> change)
    {
        var pack = PackFiles.Node(key);
        change(pack);
        return Refusal(PackFiles.Json(pack));
    }

    [Fact]
    public void Invalid_JSON_is_refused_with_its_line_and_position()
    {
        var error = Assert.Single(Refusal("{\n  \"resourceType\": \"Questionnaire\",\n  \"name\": ,\n}"));

        Assert.StartsWith("The file is not valid JSON (line 3, position 11): ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]", "The file is JSON but not a FHIR resource: a resource is a JSON object with a resourceType.")]
    [InlineData("{\"name\": \"odi-2.1a\"}", "The file is JSON but not a FHIR resource: it has no resourceType.")]
    [InlineData("{\"resourceType\": \"Patient\", \"active\": true}", "The file is a FHIR Patient, not a Questionnaire.")]
    public void Anything_but_a_Questionnaire_is_refused(string json, string message) =>
        Assert.Equal([message], Refusal(json));

    [Fact]
    public void A_duplicate_linkId_anywhere_in_the_tree_is_refused_by_name()
    {
        var errors = Refusal("odi-2.1a", p => PackFiles.Item(p, "odi-7")["linkId"] = "odi-part-1");

        Assert.Contains("The linkId \"odi-part-1\" is used by more than one item (items 1, 2.2); each item needs its own.", errors);
    }

    [Fact]
    public void An_option_of_a_scored_item_without_a_score_is_refused_by_item_and_option()
    {
        var errors = Refusal("odi-2.1a", p => PackFiles.Option(p, "odi-4", "2").Remove("extension"));

        var error = Assert.Single(errors);
        Assert.Equal("Item \"odi-4\" is scored, but option \"2\" has no score: give every option a score (the ordinalValue extension) or none.", error);
    }

    [Fact]
    public void A_scored_item_without_any_scores_is_refused()
    {
        var errors = Refusal("global-change", p =>
        {
            foreach (var option in PackFiles.Item(p, "global-change")["answerOption"]!.AsArray().OfType<JsonObject>())
            {
                option.Remove("extension");
            }
        });

        Assert.Equal(["Item \"global-change\" is read by the scorer \"global-change-7\", but its options have no scores: give each option its score (the ordinalValue extension)."], errors);
    }

    [Fact]
    public void An_unknown_scorer_is_refused_and_the_known_ones_listed()
    {
        var errors = Refusal("pain-intensity", p => p["extension"]![0]!["valueString"] = "nrs-0-100");

        Assert.Equal(["The pack names the scorer \"nrs-0-100\", which SpineDesk does not have. Known scorers: global-change-7, nrs-0-10, odi-2.1a, rmdq-24, startback-9."], errors);
    }

    [Fact]
    public void Answer_values_other_than_the_scorers_are_refused_by_item()
    {
        var missing = Refusal("startback-9", p => PackFiles.Item(p, "startback-9")["answerOption"]!.AsArray().RemoveAt(4));
        var extra = Refusal("odi-2.1a", p =>
        {
            var options = PackFiles.Item(p, "odi-2")["answerOption"]!.AsArray();
            var added = options[5]!.DeepClone();
            added["valueCoding"]!["code"] = "6";
            options.Add(added);
        });

        Assert.Equal(["Item \"startback-9\": the answer values do not match those of the scorer \"startback-9\" (0 to 4): 4 is missing."], missing);
        Assert.Equal(["Item \"odi-2\": the answer values do not match those of the scorer \"odi-2.1a\" (0 to 5): 6 is not a value it reads."], extra);
    }

    [Fact]
    public void Answer_values_a_scorer_cannot_read_as_numbers_are_refused()
    {
        var errors = Refusal("rmdq-24", p => PackFiles.Option(p, "rmdq-3", "1")["valueCoding"]!["code"] = "ticked");

        Assert.Contains("Item \"rmdq-3\", option \"ticked\": the scorer \"rmdq-24\" reads whole-number answer values (0 to 2).", errors);
        Assert.Contains("Item \"rmdq-3\": the answer values do not match those of the scorer \"rmdq-24\" (0 to 2): 1 is missing.", errors);
    }

    [Fact]
    public void A_missing_item_the_scorer_reads_is_refused_by_linkId()
    {
        var errors = Refusal("rmdq-24", p => PackFiles.Items(p).Single(i => (string?)i["linkId"] == "rmdq-part-4")["item"]!.AsArray().RemoveAt(5));

        Assert.Equal(["The scorer \"rmdq-24\" needs an item with linkId \"rmdq-24\", and the pack has none."], errors);
    }

    [Fact]
    public void An_item_the_scorer_requires_must_be_required_and_a_single_answer_item_must_not_repeat()
    {
        var errors = Refusal("startback-9", p =>
        {
            PackFiles.Item(p, "startback-3")["required"] = false;
            PackFiles.Item(p, "startback-4")["repeats"] = true;
        });

        Assert.Equal(
        [
            "Item \"startback-3\" must be required: the scorer \"startback-9\" cannot score a response without it.",
            "Item \"startback-4\" allows several answers (repeats), but the scorer \"startback-9\" takes one answer for it.",
        ], errors);
    }

    [Fact]
    public void An_unknown_item_type_is_refused_by_item_with_its_position()
    {
        var errors = Refusal("{\"resourceType\":\"Questionnaire\",\"name\":\"x\",\"version\":\"1\",\"url\":\"https://example.org/q\",\"status\":\"active\",\n\"item\":[{\"linkId\":\"g\",\"type\":\"group\",\"item\":[{\"linkId\":\"odd\",\"type\":\"slider\",\"text\":\"?\"}]}]}");

        var error = Assert.Single(errors);
        Assert.StartsWith("Item \"odd\", type: Value 'slider' is not a correct code", error, StringComparison.Ordinal);
        Assert.EndsWith("(line 2, position 77).", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_type_the_forms_cannot_show_is_refused()
    {
        var errors = Refusal("pain-history", p => PackFiles.Item(p, "goals")["type"] = "attachment");

        Assert.Equal(["Item \"goals\" has the type \"attachment\", which SpineDesk's forms cannot show. Use one of: group, display, boolean, choice, string, text, integer, decimal, date."], errors);
    }

    [Fact]
    public void An_unknown_element_is_refused_where_it_is()
    {
        var errors = Refusal("pain-history", p => PackFiles.Item(p, "pain-onset")["answerOptions"] = "yes");

        var error = Assert.Single(errors);
        Assert.StartsWith("Item \"pain-onset\", answerOptions: Found unknown element 'answerOptions'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_version_url_and_status_are_required()
    {
        var errors = Refusal("pain-history", p =>
        {
            p.Remove("name");
            p.Remove("version");
            p.Remove("url");
        });

        Assert.Equal(
        [
            "The Questionnaire has no name. Its name is the pack's key, such as \"odi-2.1a\", and stays the same in every version.",
            "The Questionnaire has no version. Each version of a pack needs its own, so responses record the version answered.",
            "The Questionnaire has no url (its canonical address, such as https://spinedesk.example/fhir/Questionnaire/odi-2.1a).",
        ], errors);
    }

    [Fact]
    public void Elements_FHIR_requires_are_required()
    {
        var errors = Refusal("pain-history", p =>
        {
            p.Remove("status");
            PackFiles.Item(p, "goals").Remove("type");
        });

        Assert.Equal(
        [
            "Item \"goals\": \"type\" is missing, and FHIR requires it (line 161, position 10).",
            "The Questionnaire: \"status\" is missing, and FHIR requires it (line 1, position 2).",
        ], errors);
    }

    [Fact]
    public void A_name_that_cannot_be_a_key_is_refused()
    {
        var errors = Refusal("pain-history", p => p["name"] = "Pain History");

        Assert.Equal(["The Questionnaire's name \"Pain History\" cannot be a pack key: use lower-case letters, digits, dots and hyphens (at most 100), such as \"odi-2.1a\"."], errors);
    }

    [Fact]
    public void Structural_mistakes_are_each_named()
    {
        var noLinkId = Refusal("pain-history", p => PackFiles.Item(p, "goals").Remove("linkId"));
        var errors = Refusal("pain-history", p =>
        {
            PackFiles.Item(p, "pain-duration").Remove("answerOption");
            PackFiles.Item(p, "pain-history-treatments").Remove("item");
            PackFiles.Item(p, "pain-onset")["enableWhen"] = JsonNode.Parse("""[{"question":"nowhere","operator":"exists","answerBoolean":true}]""");
        });

        Assert.Equal(["Item 3.1 (no linkId): \"linkId\" is missing, and FHIR requires it (line 162, position 10)."], noLinkId);
        Assert.Equal(
        [
            "Item \"pain-onset\" is shown only depending on \"nowhere\", which is not an item of this pack.",
            "Item \"pain-duration\" is a choice item without answer options (SpineDesk does not look answers up in value sets).",
            "Item \"pain-history-treatments\" is a group with no items in it.",
        ], errors);
    }

    [Fact]
    public void The_red_flag_pack_must_ask_about_every_sign_and_only_signs()
    {
        var errors = Refusal("red-flags", p =>
        {
            var options = PackFiles.Item(p, "red-flags-stiffness")["answerOption"]!.AsArray();
            options.RemoveAt(1);
            options[0]!["valueCoding"]!["code"] = "BackAche";
        });

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Item \"red-flags-stiffness\", option \"BackAche\": the red-flag screen has no such sign.", errors[0], StringComparison.Ordinal);
        Assert.Equal("The red-flag screen must ask about every sign; this pack does not ask about: MorningStiffnessImprovingWithExercise, OnsetBeforeAge45.", errors[1]);
    }
}
