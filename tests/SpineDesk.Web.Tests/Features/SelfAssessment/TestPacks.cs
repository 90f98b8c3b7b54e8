using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Questionnaires;

namespace SpineDesk.Web.Tests.Features.SelfAssessment;

/// <summary>
/// Small questionnaire packs in the tests' own words, with the keys, linkIds, answer values and scorers of the
/// shipped packs: what the self-assessment needs to run without the shipped content. No published instrument's
/// wording: the Oswestry and STarT Back packs carry test statements and say they are placeholders.
/// Shared with the browser tests (linked into that project).
/// </summary>
public static class TestPacks
{
    public const string Version = "test-1";

    private const string OrdinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private const string ItemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";

    /// <summary>Adds every test pack at <paramref name="version"/> as the current version of its key.</summary>
    public static async Task InsertAsync(SpineDeskDbContext db, string version = Version, DateTime? importedAt = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var (key, title, scorer, placeholder, json) in All(version))
        {
            await InsertAsync(db, key, version, title, scorer, placeholder, json, importedAt);
        }
    }

    /// <summary>Adds one pack version and makes it the current one of its key.</summary>
    public static async Task<int> InsertAsync(
        SpineDeskDbContext db, string key, string version, string title, string? scorer, bool placeholder, string json, DateTime? importedAt = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.QuestionnairePacks.Where(p => p.Key == key && p.IsCurrent).ExecuteUpdateAsync(p => p.SetProperty(x => x.IsCurrent, false));
        var pack = new QuestionnairePack
        {
            Key = key,
            Version = version,
            CanonicalUrl = $"https://spinedesk.example/test/Questionnaire/{key}",
            Title = title,
            ScorerKey = scorer,
            HasPlaceholderWording = placeholder,
            Json = json,
            JsonHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            Source = "upload",
            ImportedAt = importedAt ?? DateTime.UtcNow,
            IsCurrent = true,
        };
        db.QuestionnairePacks.Add(pack);
        await db.SaveChangesAsync();
        return pack.Id;
    }

    public static IEnumerable<(string Key, string Title, string? Scorer, bool Placeholder, string Json)> All(string version = Version)
    {
        yield return ("pain-intensity", "How much it hurts", "nrs-0-10", false, PainIntensity(version));
        yield return ("odi-2.1a", "Daily activities (test structure)", "odi-2.1a", true, Odi(version));
        yield return ("startback-9", "Risk questions (test structure)", "startback-9", true, StartBack(version));
        yield return ("pain-history", "Your pain so far", null, false, PainHistory(version));
    }

    /// <summary>Back pain as integers with SDC end labels, leg pain as codings whose first and last words label the ends.</summary>
    public static string PainIntensity(string version = Version) => Questionnaire("pain-intensity", version, "How much it hurts", "nrs-0-10", false,
        Group("pain-now", "How much it hurts",
            Item("back-pain-nrs", "choice", "Pick a number for your back pain this week.", required: true,
                options: [.. Enumerable.Range(0, 11).Select(n => (JsonNode)new JsonObject { ["valueInteger"] = n })],
                children: [EndLabel("back-low", "lower", "no pain at all"), EndLabel("back-high", "upper", "as bad as it could be")]),
            Item("leg-pain-nrs", "choice", "Pick a number for your leg pain this week.", required: false,
                options: [.. Enumerable.Range(0, 11).Select(n => Coded("nrs", n.ToString(CultureInfo.InvariantCulture),
                    n switch { 0 => "0 — no leg pain", 10 => "10 — as bad as it could be", _ => n.ToString(CultureInfo.InvariantCulture) }, n))])));

    public static string Odi(string version = Version) => Questionnaire("odi-2.1a", version, "Daily activities (test structure)", "odi-2.1a", true,
        Group("odi-part-1", "Daily activities, part 1",
        [
            Item("odi-instructions", "display", "Test instructions: pick the statement that fits you best."),
            .. Enumerable.Range(1, 5).Select(OdiSection),
        ]),
        Group("odi-part-2", "Daily activities, part 2", [.. Enumerable.Range(6, 5).Select(OdiSection)]));

    public static string StartBack(string version = Version) => Questionnaire("startback-9", version, "Risk questions (test structure)", "startback-9", true,
        Group("startback-part-1", "Risk questions, part 1",
            [.. Enumerable.Range(1, 8).Select(n => Item($"startback-{n}", "choice", $"Test risk statement {n}", required: true,
                options: [Coded("sb", "0", "Disagree (test)", 0), Coded("sb", "1", "Agree (test)", 1)]))]),
        Group("startback-part-2", "Risk questions, part 2",
            Item("startback-9", "choice", "Test risk statement 9", required: true,
                options: [.. Enumerable.Range(0, 5).Select(n => Coded("sb9", n.ToString(CultureInfo.InvariantCulture), $"Test level {n + 1}", n))])));

    public static string PainHistory(string version = Version) => Questionnaire("pain-history", version, "Your pain so far", null, false,
        Group("history-story", "How it started",
            Item("pain-duration", "choice", "How long has your back hurt?", required: true,
                options: [Coded("duration", "short", "Less than 3 months"), Coded("duration", "medium", "3 to 12 months"), Coded("duration", "long", "More than a year")])),
        Group("history-tried", "What you have tried",
            Item("treatments-tried", "choice", "What have you tried for it?", repeats: true,
                options: [Coded("tried", "physical-therapy", "Physical therapy"), Coded("tried", "medication", "Medication"),
                    Coded("tried", "steroid-injection", "Steroid injection"), Coded("tried", "surgery", "Surgery"), Coded("tried", "other", "Something else")]),
            Item("treatments-other", "string", "If something else, what?", maxLength: 200),
            Item("goals", "text", "What would you like to be able to do again?")));

    private static JsonObject OdiSection(int n) => Item($"odi-{n}", "choice", $"Test section {n}",
        options: [.. Enumerable.Range(0, 6).Select(v => Coded("odi", v.ToString(CultureInfo.InvariantCulture), $"Test statement {n}.{v + 1}", v))]);

    private static string Questionnaire(string key, string version, string title, string? scorer, bool placeholder, params JsonNode[] items)
    {
        var extensions = new JsonArray();
        if (scorer is not null)
        {
            extensions.Add(new JsonObject { ["url"] = "https://spinedesk.example/fhir/StructureDefinition/scorer", ["valueString"] = scorer });
        }

        if (placeholder)
        {
            extensions.Add(new JsonObject { ["url"] = "https://spinedesk.example/fhir/StructureDefinition/placeholder-wording", ["valueBoolean"] = true });
        }

        var questionnaire = new JsonObject
        {
            ["resourceType"] = "Questionnaire",
            ["url"] = $"https://spinedesk.example/test/Questionnaire/{key}",
            ["version"] = version,
            ["name"] = key,
            ["title"] = title,
            ["status"] = "active",
            ["item"] = new JsonArray(items),
        };
        if (extensions.Count > 0)
        {
            questionnaire["extension"] = extensions;
        }

        return questionnaire.ToJsonString();
    }

    private static JsonObject Group(string linkId, string text, params JsonNode[] items) =>
        new() { ["linkId"] = linkId, ["type"] = "group", ["text"] = text, ["item"] = new JsonArray(items) };

    private static JsonObject Item(
        string linkId, string type, string text, bool required = false, bool repeats = false, int? maxLength = null,
        JsonNode[]? options = null, JsonNode[]? children = null)
    {
        var item = new JsonObject { ["linkId"] = linkId, ["type"] = type, ["text"] = text };
        if (required)
        {
            item["required"] = true;
        }

        if (repeats)
        {
            item["repeats"] = true;
        }

        if (maxLength is { } max)
        {
            item["maxLength"] = max;
        }

        if (options is not null)
        {
            item["answerOption"] = new JsonArray(options);
        }

        if (children is not null)
        {
            item["item"] = new JsonArray(children);
        }

        return item;
    }

    private static JsonObject Coded(string system, string code, string display, int? score = null)
    {
        var option = new JsonObject
        {
            ["valueCoding"] = new JsonObject { ["system"] = $"https://spinedesk.example/test/CodeSystem/{system}", ["code"] = code, ["display"] = display },
        };
        if (score is { } value)
        {
            option["extension"] = new JsonArray(new JsonObject { ["url"] = OrdinalValue, ["valueDecimal"] = value });
        }

        return option;
    }

    private static JsonObject EndLabel(string linkId, string control, string text) => new()
    {
        ["linkId"] = linkId,
        ["type"] = "display",
        ["text"] = text,
        ["extension"] = new JsonArray(new JsonObject
        {
            ["url"] = ItemControl,
            ["valueCodeableConcept"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://hl7.org/fhir/questionnaire-item-control", ["code"] = control }),
            },
        }),
    };
}
