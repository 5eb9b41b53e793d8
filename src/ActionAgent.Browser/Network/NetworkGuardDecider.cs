using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;

namespace ActionAgent.Browser.Network;

/// <summary>
/// Wraps the decider: a <see cref="DoneAction"/> becomes a <see cref="FailAction"/> (NotApproved) when the network guard
/// held a request or WebSocket message during the run and nobody approved it — also one a page sent after its step had
/// already been checked (a socket that opens, then sends). What the page tried to do did not happen, so the task is not
/// done. Waits for holds still before a reviewer.
/// </summary>
public sealed class NetworkGuardDecider(IDecider inner, NetworkGuard guard) : IDecider, IDescribesVersions
{
    private readonly long _mark = guard.HoldMark;

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Versions => (inner as IDescribesVersions)?.Versions ?? new Dictionary<string, string>();

    /// <inheritdoc />
    public async Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        var proposal = await inner.DecideAsync(context, cancellationToken).ConfigureAwait(false);
        if (proposal.Action is not DoneAction done)
        {
            return proposal;
        }

        await guard.SettleAsync(guard.SettleBeforeDone, cancellationToken).ConfigureAwait(false);
        var refused = await guard.RefusedSinceAsync(_mark, cancellationToken).ConfigureAwait(false);
        if (refused.Count == 0)
        {
            return proposal;
        }

        var first = refused[0];
        var more = refused.Count > 1 ? $" (and {refused.Count - 1} more)" : "";
        return proposal with
        {
            Action = new FailAction(
                $"the decider said done ({done.Result}), but the page sent {first.Method} {first.Url}{more}, which the network guard stopped: nobody approved it ({first.Reason}); it did not take effect")
            {
                Failure = FailureKind.NotApproved,
            },
        };
    }
}
