using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SpineDesk.Data;
using SpineDesk.Data.Questionnaires;
using SpineDesk.Web.Features.Audit;

namespace SpineDesk.Web.Features.Questionnaires;

public enum PackImportOutcome
{
    /// <summary>A new version was stored.</summary>
    Imported,

    /// <summary>The identical file was imported before; nothing changed.</summary>
    Unchanged,

    /// <summary>The file cannot be used; see the errors.</summary>
    Refused,
}

/// <summary>What an import did.</summary>
/// <param name="Outcome">Imported, unchanged or refused.</param>
/// <param name="Pack">The stored version (new or the identical earlier one); null when refused.</param>
/// <param name="Errors">Why the file was refused, one message per problem, each naming its item.</param>
/// <param name="MadeCurrent">True when the new version is now the one new responses use.</param>
/// <param name="ReplacedPlaceholders">True when it took the place of a version with placeholder wording.</param>
public sealed record PackImportResult(PackImportOutcome Outcome, QuestionnairePack? Pack, IReadOnlyList<string> Errors, bool MadeCurrent = false, bool ReplacedPlaceholders = false)
{
    public static PackImportResult Refused(IReadOnlyList<string> errors) => new(PackImportOutcome.Refused, null, errors);
}

/// <summary>
/// Imports a pack file as a new version: validates it, refuses a version number already used for different
/// content (the identical file again changes nothing), holds a new version of a scored pack to the scoring of
/// the current one (<see cref="PackVersionRules"/>), stores it, and makes it current. Earlier versions stay, so
/// responses keep pointing at the version they answered. An upload is audited in the same transaction.
/// </summary>
public sealed class QuestionnairePackImporter(SpineDeskDbContext db, ParsedPackCache cache, AuditLog audit, TimeProvider time)
{
    public const string AuditEntity = "QuestionnairePack";
    public const string AuditImported = "questionnairepack.import";

    /// <param name="json">The file's text.</param>
    /// <param name="source"><see cref="PackFormat.ShippedSource"/> or <see cref="PackFormat.UploadSource"/>.</param>
    /// <param name="importedById">The administrator's user id for an upload.</param>
    /// <param name="fileName">The uploaded file's name, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    public async Task<PackImportResult> ImportAsync(string json, string source, string? importedById, string? fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reading = PackValidator.Read(json);
        if (!reading.Succeeded)
        {
            return PackImportResult.Refused(reading.Errors);
        }

        var parsed = reading.Pack!;
        var hash = Hash(json);
        if (await SameVersionAsync(parsed, hash, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var current = await db.QuestionnairePacks.AsNoTracking()
            .Where(p => p.Key == parsed.Key && p.IsCurrent)
            .OrderByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is not null)
        {
            var currentPack = new ParsedPack(cache.GetOrParse(current.JsonHash, current.Json).Questionnaire, current.Key, current.Version, current.CanonicalUrl, current.Title, current.ScorerKey, current.HasPlaceholderWording);
            var errors = PackVersionRules.Check(currentPack, parsed);
            if (errors.Count > 0)
            {
                return PackImportResult.Refused(errors);
            }
        }

        // A shipped pack never takes the place of one the clinic uploaded (its licensed wording, say).
        var makeCurrent = current is null || source == PackFormat.UploadSource || current.Source == PackFormat.ShippedSource;
        var pack = new QuestionnairePack
        {
            Key = parsed.Key,
            Version = parsed.Version,
            CanonicalUrl = parsed.CanonicalUrl,
            Title = parsed.Title,
            ScorerKey = parsed.ScorerKey,
            HasPlaceholderWording = parsed.HasPlaceholderWording,
            Json = json,
            JsonHash = hash,
            Source = source,
            ImportedAt = time.GetUtcNow().UtcDateTime,
            ImportedById = importedById,
            IsCurrent = makeCurrent,
        };

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (makeCurrent)
            {
                await db.QuestionnairePacks.Where(p => p.Key == parsed.Key && p.IsCurrent)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsCurrent, false), cancellationToken);
            }

            db.QuestionnairePacks.Add(pack);
            await db.SaveChangesAsync(cancellationToken);
            var replaced = makeCurrent && current is { HasPlaceholderWording: true } && !pack.HasPlaceholderWording;
            if (source == PackFormat.UploadSource)
            {
                audit.Add(AuditImported, AuditEntity, pack.Id.ToString(CultureInfo.InvariantCulture), Describe(pack, fileName, current, replaced));
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            cache.GetOrParse(hash, json);
            return new PackImportResult(PackImportOutcome.Imported, pack, [], makeCurrent, replaced);
        }
        catch (DbUpdateException e)
        {
            // Another import stored the same key and version at the same moment: answer as if it came first.
            db.ChangeTracker.Clear();
            return await SameVersionAsync(parsed, hash, cancellationToken)
                ?? throw new InvalidOperationException($"The questionnaire pack {parsed.Key} version {parsed.Version} could not be stored.", e);
        }
    }

    private async Task<PackImportResult?> SameVersionAsync(ParsedPack parsed, string hash, CancellationToken cancellationToken)
    {
        var existing = await db.QuestionnairePacks.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Key == parsed.Key && p.Version == parsed.Version, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        return existing.JsonHash == hash
            ? new PackImportResult(PackImportOutcome.Unchanged, existing, [])
            : PackImportResult.Refused([$"Version {parsed.Version} of {parsed.Key} is already imported, with different content. A version never changes once imported, so responses keep the wording they answered: give this file a new version."]);
    }

    private static string Describe(QuestionnairePack pack, string? fileName, QuestionnairePack? previous, bool replacedPlaceholders)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Imported {pack.Key} version {pack.Version}");
        if (!string.IsNullOrWhiteSpace(fileName))
        {
            text.Append(CultureInfo.InvariantCulture, $" from {(fileName.Length > 100 ? fileName[..100] : fileName)}");
        }

        text.Append(previous is null ? "; the first version." : $"; replaces version {previous.Version} as current.");
        if (replacedPlaceholders)
        {
            text.Append(" The licensed wording replaces the placeholders.");
        }

        return text.ToString();
    }

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
