namespace SpineDesk.Web.Features.Questionnaires;

/// <summary>
/// How a questionnaire pack says what SpineDesk needs beyond plain FHIR: which scorer reads it, whether its
/// texts are placeholders, and each option's score. See <c>content/questionnaires/README.md</c>.
/// </summary>
public static class PackFormat
{
    public const string CanonicalBase = "https://spinedesk.example/fhir/Questionnaire/";

    /// <summary>On the Questionnaire, <c>valueString</c>: the key of the scorer that scores responses.</summary>
    public const string ScorerExtension = "https://spinedesk.example/fhir/StructureDefinition/scorer";

    /// <summary>On the Questionnaire, <c>valueBoolean</c> true: the texts are placeholders for licensed wording.</summary>
    public const string PlaceholderWordingExtension = "https://spinedesk.example/fhir/StructureDefinition/placeholder-wording";

    /// <summary>On an answer option (or its coding), <c>valueDecimal</c>: the option's score (FHIR core extension).</summary>
    public const string OrdinalValueExtension = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    /// <summary>The key of the red-flag screen's pack, whose answer values are <c>RedFlagSign</c> names.</summary>
    public const string RedFlagsKey = "red-flags";

    /// <summary><c>QuestionnairePack.Source</c> of a pack shipped in <c>content/questionnaires</c>.</summary>
    public const string ShippedSource = "shipped";

    /// <summary><c>QuestionnairePack.Source</c> of a pack an administrator uploaded.</summary>
    public const string UploadSource = "upload";

    /// <summary>The largest pack file accepted (the largest shipped pack is under 40 KB).</summary>
    public const int MaxFileBytes = 1024 * 1024;
}
