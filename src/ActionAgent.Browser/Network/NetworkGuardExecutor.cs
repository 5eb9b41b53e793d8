using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;

namespace ActionAgent.Browser.Network;

/// <summary>Wraps the executor: an action the reviewer just approved runs inside <see cref="NetworkGuard.BeginApprovedAction"/>.</summary>
public sealed class NetworkGuardExecutor(IActionExecutor inner, NetworkGuard guard) : IActionExecutor
{
    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(ProposedAction proposal, Observation observation, CancellationToken cancellationToken = default)
    {
        using var scope = guard.BeginArmedAction();
        return await inner.ExecuteAsync(proposal, observation, cancellationToken).ConfigureAwait(false);
    }
}
