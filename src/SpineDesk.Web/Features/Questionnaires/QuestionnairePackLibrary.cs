using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Questionnaires;

namespace SpineDesk.Web.Features.Questionnaires;

/// <summary>One stored version of a pack, parsed, as the forms and the scoring use it.</summary>
public sealed class LoadedPack(PackRow row, ParsedPackContent content)
{
    public int Id => row.Id;

    public string Key => row.Key;

    public string Version => row.Version;

    public string CanonicalUrl => row.CanonicalUrl;

    public string Title => row.Title;

    /// <summary>The scorer that scores responses to this version, or null when it is not scored.</summary>
    public string? ScorerKey => row.ScorerKey;

    /// <summary>True when the texts are placeholders for licensed wording the clinic has not imported: say so on screen.</summary>
    public bool HasPlaceholderWording => row.HasPlaceholderWording;

    /// <summary>True when this is the version new responses use.</summary>
    public bool IsCurrent => row.IsCurrent;

    /// <summary>The parsed Questionnaire, shared by every reader: treat it as read-only.</summary>
    public Questionnaire Questionnaire => content.Questionnaire;

    /// <summary>The pages of the form: one per top-level group.</summary>
    public IReadOnlyList<PackSection> Sections => content.Sections;

    /// <summary>The item with this linkId anywhere in the pack, or null.</summary>
    public Questionnaire.ItemComponent? Item(string linkId) => content.ItemsByLinkId.GetValueOrDefault(linkId);

    /// <summary>The answer options of an item (empty for an unknown linkId or an item without options).</summary>
    public IReadOnlyList<PackOption> Options(string linkId) => Item(linkId) is { } item ? PackItems.Options(item) : [];
}

/// <summary>The stored metadata of a pack version, without its JSON.</summary>
public sealed record PackRow(int Id, string Key, string Version, string CanonicalUrl, string Title, string? ScorerKey, bool HasPlaceholderWording, bool IsCurrent, string JsonHash);

/// <summary>
/// The questionnaire packs for the forms and the scoring: the current version of a pack for a new response,
/// or the exact version a stored response answered (by <c>QuestionnaireResponse.PackId</c>). Parsed
/// versions are cached by content, so a page view reads only a row's metadata.
/// </summary>
public sealed class QuestionnairePackLibrary(SpineDeskDbContext db, ParsedPackCache cache)
{
    /// <summary>The version new responses to the pack use, or null when no pack has this key.</summary>
    public async Task<LoadedPack?> CurrentAsync(string key, CancellationToken cancellationToken = default)
    {
        // Highest id first: should two imports race, the later one is current.
        var row = await Rows(db.QuestionnairePacks.Where(p => p.Key == key && p.IsCurrent).OrderByDescending(p => p.Id)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : await LoadAsync(row, cancellationToken);
    }

    /// <summary>The exact version with this id, current or not, or null when there is none.</summary>
    public async Task<LoadedPack?> FindAsync(int packId, CancellationToken cancellationToken = default)
    {
        var row = await Rows(db.QuestionnairePacks.Where(p => p.Id == packId)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : await LoadAsync(row, cancellationToken);
    }

    private static IQueryable<PackRow> Rows(IQueryable<QuestionnairePack> packs) =>
        packs.AsNoTracking().Select(p => new PackRow(p.Id, p.Key, p.Version, p.CanonicalUrl, p.Title, p.ScorerKey, p.HasPlaceholderWording, p.IsCurrent, p.JsonHash));

    private async Task<LoadedPack> LoadAsync(PackRow row, CancellationToken cancellationToken)
    {
        if (!cache.TryGet(row.JsonHash, out var content))
        {
            var json = await db.QuestionnairePacks.AsNoTracking().Where(p => p.Id == row.Id).Select(p => p.Json).SingleAsync(cancellationToken);
            content = cache.GetOrParse(row.JsonHash, json);
        }

        return new LoadedPack(row, content!);
    }
}
