using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineDesk.Data.Questionnaires;
using SpineDesk.Web.Features.Questionnaires;
using SpineDesk.Web.Tests.Infrastructure;

namespace SpineDesk.Web.Tests.Features.Questionnaires;

/// <summary>
/// Importing versions of packs: shipped packs at start, new versions made current while responses keep the
/// version they answered, the identical file again changing nothing, and the licensed wording of a
/// structure-only pack replacing its placeholders without changing a score.
/// </summary>
public abstract class PackImportTests(TestDatabaseKind kind) : AppTest(kind)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>DESIGN.md §4.1 vector: these Oswestry answers score 36.</summary>
    private static readonly int[] OdiVector = [2, 1, 2, 1, 2, 2, 1, 2, 3, 2];

    private async Task<PackImportResult> ImportAsync(JsonNode pack, string source = PackFormat.UploadSource) =>
        await ImportAsync(PackFiles.Json(pack), source);

    private async Task<PackImportResult> ImportAsync(string json, string source = PackFormat.UploadSource)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QuestionnairePackImporter>().ImportAsync(json, source, null, "test.json", Ct);
    }

    private async Task<T> WithLibraryAsync<T>(Func<QuestionnairePackLibrary, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<QuestionnairePackLibrary>());
    }

    private Task<List<QuestionnairePack>> PacksAsync(string key) =>
        App.WithDbAsync(db => db.QuestionnairePacks.AsNoTracking().Where(p => p.Key == key).OrderBy(p => p.Id).ToListAsync(Ct));

    private Task<long> RespondAsync(int packId, Dictionary<string, List<string>> answers) =>
        App.WithDbAsync(async db =>
        {
            var response = new QuestionnaireResponse
            {
                PackId = packId,
                AuthoredAt = DateTime.UtcNow,
                Status = ResponseStatus.Completed,
                AnswersJson = PackAnswers.Serialize(answers),
            };
            db.QuestionnaireResponses.Add(response);
            await db.SaveChangesAsync(Ct);
            return response.Id;
        });

    /// <summary>The Oswestry percentage from the scores of the options chosen, as the pack version states them.</summary>
    private static decimal OdiPercentage(LoadedPack pack, IReadOnlyDictionary<string, List<string>> answers)
    {
        var input = PackAnswers.ForScorer(pack, answers);
        Assert.True(input.Succeeded, string.Join(" ", input.Errors));
        var points = input.Answers.Sum(a => pack.Options(a.Key).Single(o => o.Value == a.Value.Single().ToString(System.Globalization.CultureInfo.InvariantCulture)).Score!.Value);
        return Math.Round(points / (5m * input.Answers.Count) * 100m, 1);
    }

    private static Dictionary<string, List<string>> OdiAnswers() =>
        OdiVector.Select((value, i) => ($"odi-{i + 1}", value)).ToDictionary(a => a.Item1, a => new List<string> { a.value.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public async Task The_shipped_packs_are_imported_at_start_and_importing_them_again_changes_nothing()
    {
        var before = await App.WithDbAsync(db => db.QuestionnairePacks.AsNoTracking().OrderBy(p => p.Key).ToListAsync(Ct));

        var again = await App.Services.GetRequiredService<ShippedQuestionnaires>().ImportAllAsync(Ct);

        Assert.Equal(PackFiles.ShippedKeys, before.Select(p => p.Key));
        Assert.All(before, p =>
        {
            Assert.True(p.IsCurrent);
            Assert.Equal(PackFormat.ShippedSource, p.Source);
            Assert.Null(p.ImportedById);
            Assert.Equal(PackFiles.Text(p.Key), p.Json);
            Assert.Equal(PackFiles.StructureOnlyKeys.Contains(p.Key), p.HasPlaceholderWording);
        });
        Assert.Equal(0, again);
        var after = await App.WithDbAsync(db => db.QuestionnairePacks.AsNoTracking().OrderBy(p => p.Key).ToListAsync(Ct));
        Assert.Equal(before.Select(p => (p.Id, p.IsCurrent, p.JsonHash)), after.Select(p => (p.Id, p.IsCurrent, p.JsonHash)));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == QuestionnairePackImporter.AuditEntity, Ct)));
    }

    [Fact]
    public async Task A_new_version_becomes_current_and_earlier_responses_keep_and_are_scored_with_their_own_version()
    {
        var first = Assert.Single(await PacksAsync("pain-intensity"));
        var answers = new Dictionary<string, List<string>> { ["back-pain-nrs"] = ["7"], ["leg-pain-nrs"] = ["3"] };
        var responseId = await RespondAsync(first.Id, answers);

        var result = await ImportAsync(PackFiles.NewVersion("pain-intensity", "1.1.0", p =>
        {
            PackFiles.Item(p, "back-pain-nrs")["text"] = "A reworded question about back pain in the past seven days.";
            PackFiles.Item(p, "pain-intensity")["item"]!.AsArray().Add(JsonNode.Parse("""{"linkId":"pain-wakes","type":"boolean","text":"Does the pain wake you at night?"}"""));
        }));

        Assert.Equal(PackImportOutcome.Imported, result.Outcome);
        Assert.True(result.MadeCurrent);
        Assert.False(result.ReplacedPlaceholders);
        var versions = await PacksAsync("pain-intensity");
        Assert.Equal([("1.0.0", false), ("1.1.0", true)], versions.Select(p => (p.Version, p.IsCurrent)));
        var current = await WithLibraryAsync(l => l.CurrentAsync("pain-intensity", Ct));
        Assert.Equal(("1.1.0", result.Pack!.Id), (current!.Version, current.Id));
        Assert.NotNull(current.Item("pain-wakes"));

        var response = await App.WithDbAsync(db => db.QuestionnaireResponses.AsNoTracking().SingleAsync(r => r.Id == responseId, Ct));
        Assert.Equal(first.Id, response.PackId);
        var answered = await WithLibraryAsync(l => l.FindAsync(response.PackId, Ct));
        Assert.Equal("1.0.0", answered!.Version);
        Assert.False(answered.IsCurrent);
        Assert.StartsWith("Over the past week, how strong has the pain in your back", answered.Item("back-pain-nrs")!.Text, StringComparison.Ordinal);
        Assert.Null(answered.Item("pain-wakes"));
        var input = PackAnswers.ForScorer(answered, PackAnswers.Parse(response.AnswersJson));
        Assert.True(input.Succeeded);
        Assert.Equal([("back-pain-nrs", 7), ("leg-pain-nrs", 3)], input.Answers.Select(a => (a.Key, a.Value.Single())));
    }

    [Fact]
    public async Task Answers_that_are_not_options_of_the_version_answered_cannot_be_scored()
    {
        var pack = await WithLibraryAsync(l => l.CurrentAsync("startback-9", Ct));

        var input = PackAnswers.ForScorer(pack!, new Dictionary<string, List<string>> { ["startback-9"] = ["5"], ["startback-1"] = ["1"] });

        Assert.Equal(["Item \"startback-9\": \"5\" is not an answer of startback-9 version 1.0.0."], input.Errors);
        Assert.Equal([1], input.Answers["startback-1"]);
        Assert.Empty(input.Answers["startback-2"]);
    }

    [Fact]
    public async Task The_identical_file_again_changes_nothing_and_the_same_version_with_other_content_is_refused()
    {
        var shipped = Assert.Single(await PacksAsync("odi-2.1a"));

        var same = await ImportAsync(PackFiles.Text("odi-2.1a"));
        var changed = await ImportAsync(PackFiles.NewVersion("odi-2.1a", "1.0.0", p => p["title"] = "Another title"));

        Assert.Equal(PackImportOutcome.Unchanged, same.Outcome);
        Assert.Equal(shipped.Id, same.Pack!.Id);
        Assert.Equal(PackImportOutcome.Refused, changed.Outcome);
        Assert.Equal(["Version 1.0.0 of odi-2.1a is already imported, with different content. A version never changes once imported, so responses keep the wording they answered: give this file a new version."], changed.Errors);
        var after = Assert.Single(await PacksAsync("odi-2.1a"));
        Assert.Equal((shipped.Id, true, shipped.JsonHash), (after.Id, after.IsCurrent, after.JsonHash));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == QuestionnairePackImporter.AuditEntity, Ct)));
    }

    [Fact]
    public async Task The_licensed_Oswestry_replaces_the_placeholders_and_scores_exactly_the_same()
    {
        var placeholder = Assert.Single(await PacksAsync("odi-2.1a"));
        var responseId = await RespondAsync(placeholder.Id, OdiAnswers());

        var result = await ImportAsync(PackFiles.Licensed("odi-2.1a", "2.1a-clinic-1"));

        Assert.Equal(PackImportOutcome.Imported, result.Outcome);
        Assert.True(result.MadeCurrent);
        Assert.True(result.ReplacedPlaceholders);
        Assert.False(result.Pack!.HasPlaceholderWording);
        var licensed = await WithLibraryAsync(l => l.CurrentAsync("odi-2.1a", Ct));
        Assert.Equal(result.Pack.Id, licensed!.Id);
        Assert.False(licensed.HasPlaceholderWording);
        Assert.Equal("Licensed text stand-in for odi-1", licensed.Item("odi-1")!.Text);
        Assert.Equal("Licensed option stand-in 3", licensed.Options("odi-1")[3].Display);

        var response = await App.WithDbAsync(db => db.QuestionnaireResponses.AsNoTracking().SingleAsync(r => r.Id == responseId, Ct));
        var answered = await WithLibraryAsync(l => l.FindAsync(response.PackId, Ct));
        Assert.True(answered!.HasPlaceholderWording);
        for (var n = 1; n <= 10; n++)
        {
            Assert.Equal(answered.Options($"odi-{n}").Select(o => (o.Value, o.Score)), licensed.Options($"odi-{n}").Select(o => (o.Value, o.Score)));
        }

        Assert.Equal(36.0m, OdiPercentage(answered, PackAnswers.Parse(response.AnswersJson)));
        Assert.Equal(36.0m, OdiPercentage(licensed, PackAnswers.Parse(response.AnswersJson)));
    }

    [Fact]
    public async Task A_licensed_version_whose_answer_values_scores_or_items_differ_is_refused_and_the_placeholders_stay()
    {
        var values = await ImportAsync(PackFiles.Licensed("odi-2.1a", "2").Also(p => PackFiles.Item(p, "odi-4")["answerOption"]!.AsArray().RemoveAt(5)));
        var scores = await ImportAsync(PackFiles.Licensed("odi-2.1a", "3").Also(p => PackFiles.Option(p, "odi-4", "3")["extension"]![0]!["valueDecimal"] = 2));
        var items = await ImportAsync(PackFiles.Licensed("startback-9", "2").Also(p =>
            PackFiles.Item(p, "startback-part-2")["item"]!.AsArray().Add(JsonNode.Parse("""{"linkId":"startback-note","type":"display","text":"A note"}"""))));
        var texts = await ImportAsync(PackFiles.Licensed("rmdq-24", "2").Also(p => PackFiles.Item(p, "rmdq-instructions")["type"] = "string"));

        Assert.Equal(["Item \"odi-4\": the answer values do not match those of the scorer \"odi-2.1a\" (0 to 5): 5 is missing."], values.Errors);
        Assert.Equal(["Item \"odi-4\", answer value \"3\": scores 2 in this file but 3 in the current version 1.0.0. A new version changes no score."], scores.Errors);
        Assert.Equal(["Item \"startback-note\" is not in the current version 1.0.0: the current version 1.0.0 is structure only, and the version that replaces its placeholders keeps every linkId and adds none."], items.Errors);
        Assert.Equal(["Item \"rmdq-instructions\" is a string item here but a display item in the current version 1.0.0."], texts.Errors);
        foreach (var key in PackFiles.StructureOnlyKeys)
        {
            var only = Assert.Single(await PacksAsync(key));
            Assert.True(only.IsCurrent);
            Assert.True(only.HasPlaceholderWording);
        }
    }

    [Fact]
    public async Task A_new_version_of_a_scored_pack_keeps_its_scorer()
    {
        var result = await ImportAsync(PackFiles.NewVersion("pain-intensity", "2", p => p.Remove("extension")));

        Assert.Equal(["This file names no scorer, but the current version 1.0.0 is scored by \"nrs-0-10\". A new version keeps its scorer, so its scores stay comparable."], result.Errors);
    }

    [Fact]
    public async Task A_new_shipped_version_never_takes_the_place_of_the_clinics_upload()
    {
        var licensed = await ImportAsync(PackFiles.Licensed("odi-2.1a", "clinic-1"));

        var shipped = await ImportAsync(PackFiles.NewVersion("odi-2.1a", "1.1.0"), PackFormat.ShippedSource);

        Assert.Equal(PackImportOutcome.Imported, shipped.Outcome);
        Assert.False(shipped.MadeCurrent);
        Assert.Equal(licensed.Pack!.Id, (await WithLibraryAsync(l => l.CurrentAsync("odi-2.1a", Ct)))!.Id);
        Assert.Equal([("1.0.0", false), ("clinic-1", true), ("1.1.0", false)], (await PacksAsync("odi-2.1a")).Select(p => (p.Version, p.IsCurrent)));
    }

    [Fact]
    public async Task The_library_finds_nothing_for_an_unknown_key_or_id()
    {
        Assert.Null(await WithLibraryAsync(l => l.CurrentAsync("no-such-pack", Ct)));
        Assert.Null(await WithLibraryAsync(l => l.FindAsync(int.MaxValue, Ct)));
    }
}

public sealed class PackImportOnSqlite() : PackImportTests(TestDatabaseKind.Sqlite);

public sealed class PackImportOnPostgres() : PackImportTests(TestDatabaseKind.Postgres);

internal static class JsonObjectChanges
{
    /// <summary>Changes the object and returns it, to write a changed copy in one expression.</summary>
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
