using SpineDesk.Clinical.Pipeline;

namespace SpineDesk.Data.Intake;

/// <summary>A move of an inquiry along the pipeline, kept for the timeline.</summary>
public class StageChange
{
    public int Id { get; set; }

    public int InquiryId { get; set; }

    public DateTime At { get; set; }

    public PipelineStage From { get; set; }

    public PipelineStage To { get; set; }

    public ClosureReason? Reason { get; set; }

    public required string StaffUserId { get; set; }
}
