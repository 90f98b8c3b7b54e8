using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SpineDesk.Web.Tests.Features.Questionnaires;

/// <summary>
/// No published questionnaire's wording is in the repository (DESIGN.md §4.1). Rather than list licensed
/// phrases here (which would put them in the repository), every text of a pack scored by a licensed instrument
/// must be a placeholder: an item is "… item N — import the clinic's licensed wording", an option
/// "Option N (scores S)", a group "Part N of M". The check covers every Questionnaire JSON file in the repository,
/// not only the shipped folder.
/// </summary>
public sealed partial class LicensedWordingTests
{
    private static readonly string[] LicensedScorers = ["rmdq-24", "odi-2.1a", "startback-9"];

    public static TheoryData<string> StructureOnlyKeys => [.. PackFiles.StructureOnlyKeys];

    [Theory]
    [MemberData(nameof(StructureOnlyKeys))]
    public void Structure_only_packs_hold_placeholder_text_and_nothing_else(string key)
    {
        var problems = PlaceholderProblems(PackFiles.Node(key));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_questionnaire_in_the_repository_scored_by_a_licensed_instrument_is_structure_only()
    {
        var root = Directory.GetParent(PackFiles.Folder)!.Parent!.FullName;
        var checkedFiles = 0;
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "node_modules"))
            {
                continue;
            }

            JsonNode? node;
            try
            {
                node = JsonNode.Parse(File.ReadAllText(file));
            }
            catch (JsonException)
            {
                continue;
            }

            if (node is not JsonObject pack || (string?)pack["resourceType"] != "Questionnaire")
            {
                continue;
            }

            var scorer = pack["extension"]?.AsArray().OfType<JsonObject>()
                .FirstOrDefault(e => (string?)e["url"] == "https://spinedesk.example/fhir/StructureDefinition/scorer")?["valueString"]?.GetValue<string>();
            if (scorer is not null && LicensedScorers.Contains(scorer))
            {
                checkedFiles++;
                problems.AddRange(PlaceholderProblems(pack).Select(p => $"{relative}: {p}"));
            }
        }

        Assert.Equal(PackFiles.StructureOnlyKeys.Length, checkedFiles);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static List<string> PlaceholderProblems(JsonObject pack)
    {
        var problems = new List<string>();
        var flag = pack["extension"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(e => (string?)e["url"] == "https://spinedesk.example/fhir/StructureDefinition/placeholder-wording")?["valueBoolean"]?.GetValue<bool>();
        if (flag != true)
        {
            problems.Add("the placeholder-wording extension is not set to true");
        }

        foreach (var item in PackFiles.Items(pack))
        {
            var text = (string?)item["text"] ?? "";
            var pattern = (string?)item["type"] == "group" ? GroupText() : ItemText();
            if (!pattern.IsMatch(text))
            {
                problems.Add($"item {item["linkId"]}: \"{text}\" is not a placeholder");
            }

            foreach (var option in item["answerOption"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var display = (string?)option["valueCoding"]?["display"] ?? "";
                var match = OptionText().Match(display);
                var score = option["extension"]?.AsArray().OfType<JsonObject>().Single()["valueDecimal"]?.GetValue<decimal>();
                if (!match.Success)
                {
                    problems.Add($"item {item["linkId"]}: option \"{display}\" is not a placeholder");
                }
                else if (decimal.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != score)
                {
                    problems.Add($"item {item["linkId"]}: option \"{display}\" says a score other than its own ({score})");
                }
            }
        }

        return problems;
    }

    [GeneratedRegex(@"^(RMDQ|ODI|STarT Back) (item \d+|section \d+|instructions) — import the clinic's licensed wording$")]
    private static partial Regex ItemText();

    [GeneratedRegex(@"^Part \d+ of \d+$")]
    private static partial Regex GroupText();

    [GeneratedRegex(@"^Option \d+ \(scores (\d+)\)$")]
    private static partial Regex OptionText();
}
