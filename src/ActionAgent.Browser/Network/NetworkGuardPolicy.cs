using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Browser.Network;

/// <summary>
/// Wraps the run's policy: when it allows an irreversible action (submit or destructive class) outright, the network guard
/// is armed for exactly that action, so the request it causes is not held for a second, network-level approval. Any other
/// verdict disarms the guard, so an arm never carries over to a different action.
/// </summary>
public sealed class NetworkGuardPolicy(IActionPolicy inner, NetworkGuard guard) : IActionPolicy
{
    /// <inheritdoc />
    public Verdict Evaluate(ProposedAction proposal, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var verdict = inner.Evaluate(proposal, observation);
        if (verdict.Kind == VerdictKind.Allow && verdict.Risk is RiskClass.Submit or RiskClass.Destructive)
        {
            guard.Arm($"policy {verdict.Rule} allows {proposal.Action.Kind}", proposal.Action);
        }
        else
        {
            guard.Disarm();
        }

        return verdict;
    }
}
