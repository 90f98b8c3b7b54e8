namespace SpineDesk.Clinical.Cadence;

/// <summary>Where an inquiry stands in the contact cadence after the attempts so far.</summary>
public enum CadenceStatus
{
    /// <summary>No attempt yet: the first attempt is due from the first business-hours moment after it arrived.</summary>
    AwaitingFirstAttempt,

    /// <summary>The last attempt went unanswered: the next one is planned by the clinic's retry gaps.</summary>
    AwaitingRetry,

    /// <summary>The person asked to be called back: the next attempt is at the time they asked for.</summary>
    CallBackRequested,

    /// <summary>The person was reached: no further attempt is planned.</summary>
    Reached,

    /// <summary>The number is wrong: a coordinator has to find another way to reach the person (clinic policy).</summary>
    WrongNumber,

    /// <summary>The configured attempts went unanswered: close as unreachable with a final email (DESIGN.md §4.5).</summary>
    Unreachable,
}

/// <summary>What the contact cadence says to do next for one inquiry, at one moment. Immutable.</summary>
public sealed record CadenceDecision
{
    /// <summary>Where the inquiry stands.</summary>
    public required CadenceStatus Status { get; init; }

    /// <summary>
    /// When the next attempt is due, UTC; always within business hours and never before the last attempt.
    /// Null when no attempt is planned (reached, wrong number, unreachable).
    /// </summary>
    public DateTime? NextAttemptDue { get; init; }

    /// <summary>
    /// True when something is to be done now: an attempt whose time has come, a wrong number to sort out, or a
    /// closing as unreachable whose time has come.
    /// </summary>
    public required bool IsDue { get; init; }

    /// <summary>When the inquiry is to be closed as unreachable, UTC; null unless <see cref="Status"/> is <see cref="CadenceStatus.Unreachable"/>.</summary>
    public DateTime? CloseAsUnreachableAt { get; init; }

    /// <summary>
    /// True when the inquiry should now be closed with <see cref="Pipeline.ClosureReason.Unreachable"/> and the
    /// final email sent (DESIGN.md §4.5; the number of attempts is the clinic's policy).
    /// </summary>
    public bool ShouldCloseAsUnreachable => Status == CadenceStatus.Unreachable && IsDue;

    /// <summary>Why, in words a coordinator reads at a glance, with times in the clinic's local time.</summary>
    public required string Reason { get; init; }

    /// <summary>Unanswered attempts counted toward closing since the cadence last started again.</summary>
    public required int UnansweredAttempts { get; init; }

    /// <summary>By when the first attempt should be made, UTC (the clinic's first-contact target for the urgency).</summary>
    public required DateTime FirstContactDeadline { get; init; }

    /// <summary>When the first attempt was made, UTC; null when none yet.</summary>
    public DateTime? FirstAttemptAt { get; init; }

    /// <summary>
    /// True when the first attempt was made by the deadline, false when it was late or the deadline has passed
    /// without one, null while there is no attempt and still time.
    /// </summary>
    public bool? FirstContactMet { get; init; }
}
