namespace SpineDesk.Clinical.Cadence;

/// <summary>What came of one contact attempt, as the coordinator logged it.</summary>
public enum AttemptOutcome
{
    /// <summary>The person was reached: the cadence ends.</summary>
    Reached,

    /// <summary>Nobody answered: counts toward closing as unreachable.</summary>
    NoAnswer,

    /// <summary>A voicemail was left: counts toward closing as unreachable.</summary>
    LeftVoicemail,

    /// <summary>A text or email was sent with no reply yet: counts toward closing as unreachable.</summary>
    MessageSent,

    /// <summary>The number on file does not reach the person: the details need checking before anything else.</summary>
    WrongNumber,

    /// <summary>The person answered and asked to be called back, usually at a time they gave.</summary>
    AskedToCallBack,
}

/// <summary>One contact attempt so far, as the cadence reads it.</summary>
/// <param name="At">When the attempt was made, UTC.</param>
/// <param name="Outcome">What came of it.</param>
/// <param name="CallBackAt">The time the person asked to be called back, UTC; read only when
/// <paramref name="Outcome"/> is <see cref="AttemptOutcome.AskedToCallBack"/>, null when they gave no time.</param>
public readonly record struct LoggedAttempt(DateTime At, AttemptOutcome Outcome, DateTime? CallBackAt = null);
