using SpineDesk.Clinical.Pipeline;

namespace SpineDesk.Clinical.Tests.Pipeline;

public class PipelineStateMachineTests
{
    /// <summary>The legal moves of DESIGN.md §4.5, written out independently of the implementation.</summary>
    private static readonly HashSet<(PipelineStage From, PipelineStage To)> Legal =
    [
        (PipelineStage.New, PipelineStage.Contacting),
        (PipelineStage.Contacting, PipelineStage.ConsultationScheduled),
        (PipelineStage.ConsultationScheduled, PipelineStage.Evaluated),
        (PipelineStage.ConsultationScheduled, PipelineStage.Contacting),
        (PipelineStage.Evaluated, PipelineStage.Candidate),
        (PipelineStage.Evaluated, PipelineStage.NotCandidate),
        (PipelineStage.Candidate, PipelineStage.Consented),
        (PipelineStage.Consented, PipelineStage.ProcedureScheduled),
        (PipelineStage.ProcedureScheduled, PipelineStage.Treated),
        (PipelineStage.Treated, PipelineStage.InFollowUp),
        (PipelineStage.InFollowUp, PipelineStage.Completed),
        .. Enum.GetValues<PipelineStage>().Where(s => s != PipelineStage.Closed).Select(s => (s, PipelineStage.Closed)),
    ];

    public static TheoryData<PipelineStage, PipelineStage> AllPairs()
    {
        var data = new TheoryData<PipelineStage, PipelineStage>();
        foreach (var from in Enum.GetValues<PipelineStage>())
        {
            foreach (var to in Enum.GetValues<PipelineStage>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_legal_move_is_allowed_and_every_other_refused(PipelineStage from, PipelineStage to)
    {
        var legal = Legal.Contains((from, to));
        var reason = to == PipelineStage.Closed ? ClosureReason.Declined : (ClosureReason?)null;

        Assert.Equal(legal, PipelineStateMachine.CanMove(from, to));
        if (legal)
        {
            Assert.Equal(to, PipelineStateMachine.Move(from, to, reason));
        }
        else
        {
            var error = Assert.Throws<IllegalTransitionException>(() => PipelineStateMachine.Move(from, to, reason));
            Assert.Equal(from, error.From);
            Assert.Equal(to, error.To);
            Assert.Contains(PipelineStateMachine.Describe(from), error.Message, StringComparison.Ordinal);
            Assert.Contains(PipelineStateMachine.Describe(to), error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Closing_needs_a_reason()
    {
        var error = Assert.Throws<IllegalTransitionException>(() => PipelineStateMachine.Move(PipelineStage.New, PipelineStage.Closed));
        Assert.Contains("reason", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_is_only_given_when_closing()
    {
        Assert.Throws<IllegalTransitionException>(() =>
            PipelineStateMachine.Move(PipelineStage.New, PipelineStage.Contacting, ClosureReason.Duplicate));
    }

    [Theory]
    [InlineData(ClosureReason.Unreachable)]
    [InlineData(ClosureReason.Declined)]
    [InlineData(ClosureReason.ReferredElsewhere)]
    [InlineData(ClosureReason.EmergencyReferral)]
    [InlineData(ClosureReason.Duplicate)]
    public void Every_closure_reason_closes(ClosureReason reason)
    {
        Assert.Equal(PipelineStage.Closed, PipelineStateMachine.Move(PipelineStage.Contacting, PipelineStage.Closed, reason));
    }

    [Fact]
    public void Final_stages_say_so()
    {
        var error = Assert.Throws<IllegalTransitionException>(() => PipelineStateMachine.Move(PipelineStage.Closed, PipelineStage.New));
        Assert.Contains("final", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_stage_can_reach_an_end_and_no_move_leaves_the_defined_stages()
    {
        foreach (var start in Enum.GetValues<PipelineStage>())
        {
            var seen = new HashSet<PipelineStage> { start };
            var frontier = new Queue<PipelineStage>([start]);
            while (frontier.TryDequeue(out var stage))
            {
                foreach (var next in PipelineStateMachine.NextStages(stage))
                {
                    Assert.True(Enum.IsDefined(next));
                    if (seen.Add(next))
                    {
                        frontier.Enqueue(next);
                    }
                }
            }

            Assert.True(seen.Contains(PipelineStage.Closed) || start == PipelineStage.Closed);
        }
    }
}
