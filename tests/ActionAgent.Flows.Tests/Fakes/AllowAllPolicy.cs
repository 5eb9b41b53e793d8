using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Flows.Tests.Fakes;

/// <summary>A policy that allows everything (the runner tests are not about policy).</summary>
internal sealed class AllowAllPolicy : IActionPolicy
{
    public Verdict Evaluate(ProposedAction proposal, Observation observation) => Verdict.Allow(RiskClass.Read, "test", "allowed in tests");
}
