using SpineDesk.Clinical;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Intake;

namespace SpineDesk.Data.Questionnaires;

/// <summary>
/// A person's self-assessment on the public site, from the red-flag screen to the contact request. Kept in
/// the database (not in server memory) so any app instance can resume it; the browser holds only a random
/// token whose hash is stored here.
/// </summary>
public class SelfAssessment
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the browser's token, hex.</summary>
    public required string TokenHash { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>The red-flag signs answered yes; null until the screen is answered.</summary>
    public List<RedFlagSign>? RedFlags { get; set; }

    public Urgency? Urgency { get; set; }

    /// <summary>Coded pain-drawing regions, comma-separated; null until the drawing is answered.</summary>
    public string? PainRegions { get; set; }

    /// <summary>Where the person is in the flow, so a return visit resumes there.</summary>
    public string? CurrentStep { get; set; }

    public int? InquiryId { get; set; }

    public Inquiry? Inquiry { get; set; }

    public List<QuestionnaireResponse> Responses { get; set; } = [];
}
