namespace SpineDesk.Clinical.Instruments;

/// <summary>The code systems SpineDesk's score observations use.</summary>
public static class ScoreCodeSystems
{
    /// <summary>LOINC, for the Oswestry and STarT Back codes DESIGN.md §4.1 lists.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>SpineDesk's own code system, for scores that have no LOINC code SpineDesk relies on.</summary>
    public const string SpineDesk = "https://spinedesk.example/fhir/CodeSystem/scores";
}

/// <summary>A code for a panel or a score.</summary>
/// <param name="System">The code system URI (see <see cref="ScoreCodeSystems"/>).</param>
/// <param name="Code">The code within that system.</param>
/// <param name="Display">SpineDesk's display text for the code.</param>
public sealed record ScoreCode(string System, string Code, string Display);

/// <summary>One derived score, ready to store as an observation of the response it came from.</summary>
/// <param name="System">The code system URI (see <see cref="ScoreCodeSystems"/>).</param>
/// <param name="Code">The score's code within that system.</param>
/// <param name="Display">SpineDesk's display text for the code.</param>
/// <param name="Value">The score as reported (Oswestry: the percentage rounded to one decimal).</param>
/// <param name="Unit">The UCUM unit (<c>%</c>, <c>{score}</c>), or null for a coded category.</param>
/// <param name="Interpretation">A lowercase category code where the instrument defines one (an Oswestry band,
/// a STarT Back risk group, a change category), otherwise null.</param>
/// <param name="Incomplete">True when the score was computed from fewer answers than the instrument's rule
/// for a complete response (an Oswestry response with fewer than 8 sections answered).</param>
public sealed record ScoreObservation(
    string System,
    string Code,
    string Display,
    decimal Value,
    string? Unit,
    string? Interpretation,
    bool Incomplete);

/// <summary>The scores of one response.</summary>
/// <param name="ScorerKey">The key of the scorer that produced them.</param>
/// <param name="Panel">The instrument's panel code, where it has one (LOINC 97908-8 for the Oswestry, 91349-1
/// for STarT Back); null otherwise.</param>
/// <param name="Observations">One or more scores.</param>
public sealed record InstrumentScore(string ScorerKey, ScoreCode? Panel, IReadOnlyList<ScoreObservation> Observations)
{
    /// <summary>True when any score is marked incomplete.</summary>
    public bool Incomplete => Observations.Any(o => o.Incomplete);
}
