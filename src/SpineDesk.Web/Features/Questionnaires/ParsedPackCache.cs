using System.Collections.Concurrent;
using Hl7.Fhir.Model;

namespace SpineDesk.Web.Features.Questionnaires;

/// <summary>A stored pack version parsed once: the Questionnaire, its sections and its items by linkId.</summary>
public sealed class ParsedPackContent
{
    public ParsedPackContent(Questionnaire questionnaire)
    {
        Questionnaire = questionnaire;
        Sections = PackItems.Sections(questionnaire);
        ItemsByLinkId = PackItems.All(questionnaire)
            .Where(i => i.LinkId.Length > 0)
            .GroupBy(i => i.LinkId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Item, StringComparer.Ordinal);
    }

    /// <summary>Shared by every reader: treat it as read-only.</summary>
    public Questionnaire Questionnaire { get; }

    public IReadOnlyList<PackSection> Sections { get; }

    public IReadOnlyDictionary<string, Questionnaire.ItemComponent> ItemsByLinkId { get; }
}

/// <summary>
/// Parsed pack versions by the SHA-256 of their JSON. A stored version never changes, so an entry never goes
/// stale; keying by content rather than row id keeps the cache right whichever database the app uses.
/// </summary>
public sealed class ParsedPackCache
{
    private readonly ConcurrentDictionary<string, ParsedPackContent> _byHash = new(StringComparer.Ordinal);

    public bool TryGet(string jsonHash, out ParsedPackContent? content) => _byHash.TryGetValue(jsonHash, out content);

    /// <summary>The parsed pack; parses and keeps it on first use.</summary>
    /// <exception cref="InvalidOperationException">The stored JSON is no longer a readable Questionnaire.</exception>
    public ParsedPackContent GetOrParse(string jsonHash, string json)
    {
        if (_byHash.TryGetValue(jsonHash, out var content))
        {
            return content;
        }

        var parse = PackReader.Parse(json);
        if (!parse.Succeeded)
        {
            throw new InvalidOperationException($"A stored questionnaire pack (SHA-256 {jsonHash}) can no longer be read: {string.Join(" ", parse.Errors)}");
        }

        return _byHash.GetOrAdd(jsonHash, new ParsedPackContent(parse.Questionnaire!));
    }
}
