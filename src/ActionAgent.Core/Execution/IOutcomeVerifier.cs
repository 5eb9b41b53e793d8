using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Execution;

/// <summary>Checks what an executed action did (for example whether the screen changed) and refines the outcome.</summary>
public interface IOutcomeVerifier
{
    /// <summary>
    /// Called right before the action runs (after policy and approval): a verifier learns here what the page does by
    /// itself (a ticking clock, an animation) so that it is not taken for the action's effect afterwards.
    /// </summary>
    Task PrepareAsync(ProposedAction proposal, Observation before, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Returns the outcome, possibly with a note for the decider ("the click had no visible effect").</summary>
    Task<ActionOutcome> VerifyAsync(ProposedAction proposal, Observation before, ActionOutcome outcome, CancellationToken cancellationToken = default);
}
