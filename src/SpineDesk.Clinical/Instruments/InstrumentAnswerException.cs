namespace SpineDesk.Clinical.Instruments;

/// <summary>
/// A response a scorer refuses: an unknown item, a value the item does not allow, too many answers, a required
/// item left unanswered, or nothing to score. The message names the instrument and the item so that whoever
/// entered the response can correct it.
/// </summary>
public sealed class InstrumentAnswerException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="scorerKey">The key of the scorer that refused the response.</param>
    /// <param name="linkId">The item at fault, or null when the fault is the response as a whole.</param>
    /// <param name="message">What is wrong, in words a clinician or administrator can act on.</param>
    public InstrumentAnswerException(string scorerKey, string? linkId, string message)
        : base(message)
    {
        ScorerKey = scorerKey;
        LinkId = linkId;
    }

    /// <summary>The key of the scorer that refused the response.</summary>
    public string ScorerKey { get; }

    /// <summary>The linkId of the item at fault, or null when the fault is the response as a whole.</summary>
    public string? LinkId { get; }
}
