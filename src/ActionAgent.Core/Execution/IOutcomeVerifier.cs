using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Execution;

/// <summary>Checks what an executed action did (for example whether the screen changed) and refines the outcome.</summary>
public interface IOutcomeVerifier
{
    /// <summary>Returns the outcome, possibly with a note for the decider ("the click had no visible effect").</summary>
    Task<ActionOutcome> VerifyAsync(ProposedAction proposal, Observation before, ActionOutcome outcome, CancellationToken cancellationToken = default);
}
