namespace SpineDesk.Clinical;

/// <summary>
/// How soon a person must be seen, from the red-flag screen (DESIGN.md §4.2). Ordered so that a larger
/// value is more urgent.
/// </summary>
public enum Urgency
{
    /// <summary>Contact within the clinic's usual first-contact target.</summary>
    Routine = 0,

    /// <summary>A call on the same working day.</summary>
    Urgent = 1,

    /// <summary>Go to an emergency department now; never only a queue item.</summary>
    Emergency = 2,
}
