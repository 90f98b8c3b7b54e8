using SpineDesk.Data.Intake;

namespace SpineDesk.Data.Questionnaires;

/// <summary>A person's answers to one version of a questionnaire pack (a FHIR QuestionnaireResponse).</summary>
public class QuestionnaireResponse
{
    public long Id { get; set; }

    public int PackId { get; set; }

    public QuestionnairePack? Pack { get; set; }

    public Guid? SelfAssessmentId { get; set; }

    public int? InquiryId { get; set; }

    public Inquiry? Inquiry { get; set; }

    public DateTime AuthoredAt { get; set; }

    public ResponseStatus Status { get; set; }

    /// <summary>The answers as JSON: an object mapping each item's linkId to an array of answer values (strings).</summary>
    public required string AnswersJson { get; set; }

    public List<ScoreObservation> Scores { get; set; } = [];
}

public enum ResponseStatus
{
    InProgress,
    Completed,
}

/// <summary>
/// A score derived from a response (a FHIR Observation with <c>derivedFrom</c> the response): ready for
/// follow-up, the outcomes registry and the FHIR API.
/// </summary>
public class ScoreObservation
{
    public long Id { get; set; }

    public long ResponseId { get; set; }

    public int? InquiryId { get; set; }

    /// <summary>Code system URI, such as http://loinc.org.</summary>
    public required string System { get; set; }

    public required string Code { get; set; }

    public required string Display { get; set; }

    public decimal Value { get; set; }

    public string? Unit { get; set; }

    /// <summary>A band or risk group in words, such as "moderate" or "high risk".</summary>
    public string? Interpretation { get; set; }

    /// <summary>True when the instrument's rules mark the score incomplete (for example ODI with fewer than 8 sections).</summary>
    public bool Incomplete { get; set; }

    public DateTime EffectiveAt { get; set; }
}
