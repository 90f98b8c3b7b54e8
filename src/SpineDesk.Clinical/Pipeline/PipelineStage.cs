namespace SpineDesk.Clinical.Pipeline;

/// <summary>Where a person is on the clinic's pathway (DESIGN.md §4.5).</summary>
public enum PipelineStage
{
    /// <summary>The inquiry has arrived; nobody has tried to reach the person yet.</summary>
    New,

    /// <summary>A coordinator is trying to reach the person (attempts are logged).</summary>
    Contacting,

    /// <summary>A consultation is booked.</summary>
    ConsultationScheduled,

    /// <summary>A clinician has evaluated the person.</summary>
    Evaluated,

    /// <summary>The clinician judged the person a candidate for treatment.</summary>
    Candidate,

    /// <summary>The clinician judged the person not a candidate.</summary>
    NotCandidate,

    /// <summary>Informed consent is signed.</summary>
    Consented,

    /// <summary>The procedure is booked.</summary>
    ProcedureScheduled,

    /// <summary>The procedure took place.</summary>
    Treated,

    /// <summary>Scheduled follow-up questionnaires are running.</summary>
    InFollowUp,

    /// <summary>Follow-up is complete.</summary>
    Completed,

    /// <summary>Closed with a <see cref="ClosureReason"/>.</summary>
    Closed,
}

/// <summary>Why an inquiry or patient was closed (DESIGN.md §4.5).</summary>
public enum ClosureReason
{
    /// <summary>Not reached after the configured number of attempts.</summary>
    Unreachable,

    /// <summary>The person declined.</summary>
    Declined,

    /// <summary>Referred to another service.</summary>
    ReferredElsewhere,

    /// <summary>Sent to emergency care.</summary>
    EmergencyReferral,

    /// <summary>A duplicate of another inquiry.</summary>
    Duplicate,
}
