using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Execution;

/// <summary>A verifier that accepts the executor's outcome as it is (used when no vision is available).</summary>
public sealed class PassThroughVerifier : IOutcomeVerifier
{
    /// <inheritdoc />
    public Task<ActionOutcome> VerifyAsync(ProposedAction proposal, Observation before, ActionOutcome outcome, CancellationToken cancellationToken = default) =>
        Task.FromResult(outcome);
}
