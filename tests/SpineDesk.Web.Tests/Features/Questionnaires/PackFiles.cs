using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpineDesk.Web.Tests.Features.Questionnaires;

/// <summary>The shipped pack files in the repository, and ways to make changed copies of them for tests.</summary>
internal static class PackFiles
{
    public static readonly string[] ShippedKeys = ["global-change", "odi-2.1a", "pain-history", "pain-intensity", "red-flags", "rmdq-24", "startback-9"];

    /// <summary>The packs whose wording is licensed, shipped as structure only.</summary>
    public static readonly string[] StructureOnlyKeys = ["odi-2.1a", "rmdq-24", "startback-9"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>content/questionnaires in the repository (found from the test's build folder).</summary>
    public static string Folder { get; } = FindFolder();

    public static string Text(string key) => File.ReadAllText(Path.Combine(Folder, key + ".json"));

    public static JsonObject Node(string key) => JsonNode.Parse(Text(key))!.AsObject();

    public static string Json(JsonNode node) => node.ToJsonString(Indented);

    /// <summary>Every item object in the pack, depth first.</summary>
    public static IEnumerable<JsonObject> Items(JsonNode node)
    {
        if (node["item"] is not JsonArray items)
        {
            yield break;
        }

        foreach (var item in items.OfType<JsonObject>())
        {
            yield return item;
            foreach (var child in Items(item))
            {
                yield return child;
            }
        }
    }

    public static JsonObject Item(JsonNode pack, string linkId) =>
        Items(pack).Single(i => (string?)i["linkId"] == linkId);

    /// <summary>The answer option of an item whose code is <paramref name="code"/>.</summary>
    public static JsonObject Option(JsonNode pack, string linkId, string code) =>
        Item(pack, linkId)["answerOption"]!.AsArray().OfType<JsonObject>().Single(o => (string?)o["valueCoding"]?["code"] == code);

    /// <summary>A new version of a shipped pack: the same pack with another version and changes.</summary>
    public static JsonObject NewVersion(string key, string version, Action<JsonObject>? change = null)
    {
        var pack = Node(key);
        pack["version"] = version;
        change?.Invoke(pack);
        return pack;
    }

    /// <summary>
    /// A stand-in for a clinic's licensed version of a structure-only pack: every placeholder text replaced by other
    /// dummy text (made up here; no published wording), the placeholder flag removed, a new version.
    /// </summary>
    public static JsonObject Licensed(string key, string version)
    {
        var pack = NewVersion(key, version);
        pack["extension"] = new JsonArray([.. pack["extension"]!.AsArray().OfType<JsonObject>()
            .Where(e => (string?)e["url"] != "https://spinedesk.example/fhir/StructureDefinition/placeholder-wording")
            .Select(e => e.DeepClone())]);
        pack["title"] = "Licensed stand-in for tests";
        foreach (var item in Items(pack))
        {
            item["text"] = $"Licensed text stand-in for {item["linkId"]}";
            foreach (var option in item["answerOption"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                option["valueCoding"]!["display"] = $"Licensed option stand-in {option["valueCoding"]!["code"]}";
            }
        }

        return pack;
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SpineDesk.slnx")))
            {
                return Path.Combine(directory.FullName, "content", "questionnaires");
            }
        }

        throw new InvalidOperationException("The repository root (SpineDesk.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
