namespace SpineDesk.Clinical.Cadence;

/// <summary>
/// How a clinic tries to reach a new inquiry, as the clinic configured it. Every rule here is the clinic's
/// policy; the defaults are the example of issue 4: a first attempt within the first-contact target (same
/// working day for emergency and urgent inquiries, DESIGN.md §4.2; 8 working hours for routine ones), then
/// attempts 1 and 3 business days after the previous unanswered one, and after the third unanswered attempt
/// the inquiry is closed as unreachable with a final email (DESIGN.md §4.5).
/// </summary>
public sealed record ContactCadencePolicy
{
    /// <summary>The defaults described on the type.</summary>
    public static ContactCadencePolicy Default { get; } = new();

    /// <summary>First-contact target for an emergency: the person is told to seek emergency care at once; the clinic still calls the same working day.</summary>
    public FirstContactTarget EmergencyTarget { get; init; } = FirstContactTarget.SameBusinessDay();

    /// <summary>First-contact target for an urgent inquiry: a call on the same working day (DESIGN.md §4.2).</summary>
    public FirstContactTarget UrgentTarget { get; init; } = FirstContactTarget.SameBusinessDay();

    /// <summary>First-contact target for a routine inquiry.</summary>
    public FirstContactTarget RoutineTarget { get; init; } = FirstContactTarget.WithinBusinessTime(TimeSpan.FromHours(8));

    /// <summary>
    /// Business days to wait after the 1st, 2nd, … unanswered attempt before the next one; past the end of the
    /// list the last gap repeats. Default: 1, then 3.
    /// </summary>
    public IReadOnlyList<int> RetryAfterBusinessDays { get; init; } = [1, 3];

    /// <summary>After this many unanswered attempts the inquiry is closed as unreachable (DESIGN.md §4.5). Default 3.</summary>
    public int MaxUnansweredAttempts { get; init; } = 3;

    /// <summary>
    /// When true (the default), unanswered attempts on the same local day count once toward
    /// <see cref="MaxUnansweredAttempts"/>: a call, a voicemail and a text in one morning are one try, not three,
    /// so nobody is closed as unreachable on the day they first got a call.
    /// </summary>
    public bool CountOneUnansweredAttemptPerDay { get; init; } = true;

    /// <summary>
    /// Business days to wait after the last unanswered attempt before closing as unreachable, so that a person
    /// who calls back the next morning is not already closed (closing is final, DESIGN.md §4.5). Default 0:
    /// close straight after the last attempt.
    /// </summary>
    public int BusinessDaysBeforeClosing { get; init; }

    /// <summary>
    /// When true, a wrong number closes the inquiry as unreachable at once. When false (the default), a wrong
    /// number stops the cadence and asks the coordinator to look for another way to reach the person (the email
    /// address, the form) or to correct the number, because another call to the same number cannot succeed
    /// and a person who mistyped one digit should not be lost.
    /// </summary>
    public bool CloseOnWrongNumber { get; init; }

    /// <summary>The first-contact target for an urgency.</summary>
    public FirstContactTarget TargetFor(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => EmergencyTarget,
        Urgency.Urgent => UrgentTarget,
        Urgency.Routine => RoutineTarget,
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Unknown urgency."),
    };

    /// <summary>The business days to wait after the <paramref name="unanswered"/>-th unanswered attempt (1-based).</summary>
    public int RetryGapAfter(int unanswered)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unanswered, 1);
        return RetryAfterBusinessDays[Math.Min(unanswered, RetryAfterBusinessDays.Count) - 1];
    }

    /// <summary>Refuses a policy that cannot be followed, with a message an administrator can act on.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        if (EmergencyTarget is null || UrgentTarget is null || RoutineTarget is null)
        {
            throw new ArgumentException("The contact cadence needs a first-contact target for every urgency.");
        }

        if (MaxUnansweredAttempts < 1)
        {
            throw new ArgumentException("The contact cadence needs at least one unanswered attempt before closing as unreachable.");
        }

        if (RetryAfterBusinessDays is null || (MaxUnansweredAttempts > 1 && RetryAfterBusinessDays.Count == 0))
        {
            throw new ArgumentException("The contact cadence needs the business days to wait between attempts, such as 1, 3.");
        }

        if (RetryAfterBusinessDays.Any(days => days < 1))
        {
            throw new ArgumentException("Each wait between attempts must be at least 1 business day.");
        }

        if (BusinessDaysBeforeClosing < 0)
        {
            throw new ArgumentException("The business days to wait before closing as unreachable cannot be negative.");
        }
    }
}
