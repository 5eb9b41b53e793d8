using ActionAgent.Core.Approval;

namespace ActionAgent.Browser.Network;

/// <summary>
/// Wraps the run's approver: when a reviewer approves an action, the network guard is armed so that the executor's next
/// action (wrapped by <see cref="NetworkGuardExecutor"/>) runs as an approved action and its requests are not held again.
/// </summary>
public sealed class NetworkGuardApprover(IApprover inner, NetworkGuard guard) : IApprover
{
    /// <inheritdoc />
    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = await inner.RequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (decision.IsApproved)
        {
            guard.Arm(request.IdempotencyKey, request.Proposal.Action);
        }

        return decision;
    }
}
