using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;

namespace ActionAgent.Browser.Network;

/// <summary>
/// Wraps the executor: an action the reviewer approved (or the policy allowed as irreversible) runs inside
/// <see cref="NetworkGuard.BeginApprovedAction"/>. The outcome waits for every request the guard held during the action;
/// when one was rejected or expired, the action failed as <see cref="FailureKind.NotApproved"/>, whatever the page showed.
/// </summary>
public sealed class NetworkGuardExecutor(IActionExecutor inner, NetworkGuard guard) : IActionExecutor
{
    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(ProposedAction proposal, Observation observation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var mark = guard.HoldMark;
        ActionOutcome outcome;
        using (guard.BeginArmedAction(proposal.Action))
        {
            outcome = await inner.ExecuteAsync(proposal, observation, cancellationToken).ConfigureAwait(false);
        }

        var refused = await guard.RefusedSinceAsync(mark, cancellationToken).ConfigureAwait(false);
        if (refused.Count == 0)
        {
            return outcome;
        }

        var first = refused[0];
        var more = refused.Count > 1 ? $" (and {refused.Count - 1} more)" : "";
        return ActionOutcome.Failed(
            $"the page sent {first.Method} {first.Url}{more}, the network guard held it and it was not approved ({first.Reason}); the action did not take effect",
            FailureKind.NotApproved) with { UrlAfter = outcome.UrlAfter, ChangedFraction = outcome.ChangedFraction };
    }
}
