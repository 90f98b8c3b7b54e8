namespace SpineDesk.Data.Questionnaires;

/// <summary>
/// One version of a questionnaire pack: a FHIR R4 Questionnaire (JSON) as imported. A response records the
/// exact pack version answered and is always scored with it, so a new version never changes old scores.
/// </summary>
public class QuestionnairePack
{
    public int Id { get; set; }

    /// <summary>The pack's stable name (the Questionnaire's <c>name</c>), such as "odi".</summary>
    public required string Key { get; set; }

    /// <summary>The Questionnaire's <c>version</c>; unique together with <see cref="Key"/>.</summary>
    public required string Version { get; set; }

    /// <summary>The Questionnaire's canonical <c>url</c>.</summary>
    public required string CanonicalUrl { get; set; }

    public required string Title { get; set; }

    /// <summary>The clinical-library scorer that scores responses, or null for unscored packs.</summary>
    public string? ScorerKey { get; set; }

    /// <summary>True while the items carry placeholder text because the licensed wording is not imported.</summary>
    public bool HasPlaceholderWording { get; set; }

    /// <summary>The Questionnaire resource exactly as imported.</summary>
    public required string Json { get; set; }

    /// <summary>SHA-256 of <see cref="Json"/>, hex, to recognise a re-import of the same file.</summary>
    public required string JsonHash { get; set; }

    /// <summary>"shipped" for SpineDesk's own packs, "upload" for a clinic's import.</summary>
    public required string Source { get; set; }

    public DateTime ImportedAt { get; set; }

    public string? ImportedById { get; set; }

    /// <summary>The version used for new responses; exactly one per key.</summary>
    public bool IsCurrent { get; set; }
}
