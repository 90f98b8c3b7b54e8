namespace SpineDesk.Clinical.Pipeline;

/// <summary>A move the pipeline does not allow, with a message a coordinator can act on.</summary>
public sealed class IllegalTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for a refused move.</summary>
    public IllegalTransitionException(PipelineStage from, PipelineStage to, string message)
        : base(message)
    {
        From = from;
        To = to;
    }

    /// <summary>The stage the move started from.</summary>
    public PipelineStage From { get; }

    /// <summary>The stage that was asked for.</summary>
    public PipelineStage To { get; }
}

/// <summary>
/// The pipeline of DESIGN.md §4.5 as a state machine:
/// New → Contacting → Consultation scheduled → Evaluated → Candidate / Not a candidate → Consented →
/// Procedure scheduled → Treated → In follow-up → Completed; any stage except Closed → Closed with a reason.
/// One step back is allowed where the clinic's work needs it: a consultation that is missed or cancelled
/// returns the person to Contacting.
/// </summary>
public static class PipelineStateMachine
{
    private static readonly Dictionary<PipelineStage, PipelineStage[]> Forward = new()
    {
        [PipelineStage.New] = [PipelineStage.Contacting],
        [PipelineStage.Contacting] = [PipelineStage.ConsultationScheduled],
        [PipelineStage.ConsultationScheduled] = [PipelineStage.Evaluated, PipelineStage.Contacting],
        [PipelineStage.Evaluated] = [PipelineStage.Candidate, PipelineStage.NotCandidate],
        [PipelineStage.Candidate] = [PipelineStage.Consented],
        [PipelineStage.NotCandidate] = [],
        [PipelineStage.Consented] = [PipelineStage.ProcedureScheduled],
        [PipelineStage.ProcedureScheduled] = [PipelineStage.Treated],
        [PipelineStage.Treated] = [PipelineStage.InFollowUp],
        [PipelineStage.InFollowUp] = [PipelineStage.Completed],
        [PipelineStage.Completed] = [],
        [PipelineStage.Closed] = [],
    };

    /// <summary>The stages reachable in one move from <paramref name="from"/>.</summary>
    public static IReadOnlyList<PipelineStage> NextStages(PipelineStage from)
    {
        if (!Forward.TryGetValue(from, out var next))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "Unknown pipeline stage.");
        }

        return from == PipelineStage.Closed ? next : [.. next, PipelineStage.Closed];
    }

    /// <summary>True when the move from <paramref name="from"/> to <paramref name="to"/> is allowed.</summary>
    public static bool CanMove(PipelineStage from, PipelineStage to) =>
        Enum.IsDefined(from) && Enum.IsDefined(to) && NextStages(from).Contains(to);

    /// <summary>Checks a move and returns the new stage.</summary>
    /// <param name="from">The current stage.</param>
    /// <param name="to">The stage asked for.</param>
    /// <param name="reason">Required when closing; must be absent otherwise.</param>
    /// <exception cref="IllegalTransitionException">The move is not allowed, or a closure reason is missing or misplaced.</exception>
    public static PipelineStage Move(PipelineStage from, PipelineStage to, ClosureReason? reason = null)
    {
        if (!CanMove(from, to))
        {
            var allowed = Enum.IsDefined(from) ? NextStages(from) : [];
            var options = allowed.Count == 0 ? "none: this stage is final" : string.Join(", ", allowed.Select(Describe));
            throw new IllegalTransitionException(from, to,
                $"Cannot move from {Describe(from)} to {Describe(to)}. Allowed next stages: {options}.");
        }

        if (to == PipelineStage.Closed && reason is null)
        {
            throw new IllegalTransitionException(from, to, "Closing needs a reason.");
        }

        if (to != PipelineStage.Closed && reason is not null)
        {
            throw new IllegalTransitionException(from, to, "A closure reason is only given when closing.");
        }

        if (reason is { } r && !Enum.IsDefined(r))
        {
            throw new IllegalTransitionException(from, to, "Unknown closure reason.");
        }

        return to;
    }

    /// <summary>The stage's name in the clinic's words.</summary>
    public static string Describe(PipelineStage stage) => stage switch
    {
        PipelineStage.New => "New",
        PipelineStage.Contacting => "Contacting",
        PipelineStage.ConsultationScheduled => "Consultation scheduled",
        PipelineStage.Evaluated => "Evaluated",
        PipelineStage.Candidate => "Candidate",
        PipelineStage.NotCandidate => "Not a candidate",
        PipelineStage.Consented => "Consented",
        PipelineStage.ProcedureScheduled => "Procedure scheduled",
        PipelineStage.Treated => "Treated",
        PipelineStage.InFollowUp => "In follow-up",
        PipelineStage.Completed => "Completed",
        PipelineStage.Closed => "Closed",
        _ => stage.ToString(),
    };

    /// <summary>The closure reason in the clinic's words.</summary>
    public static string Describe(ClosureReason reason) => reason switch
    {
        ClosureReason.Unreachable => "Unreachable after the configured attempts",
        ClosureReason.Declined => "Declined",
        ClosureReason.ReferredElsewhere => "Referred elsewhere",
        ClosureReason.EmergencyReferral => "Emergency referral",
        ClosureReason.Duplicate => "Duplicate",
        _ => reason.ToString(),
    };
}
