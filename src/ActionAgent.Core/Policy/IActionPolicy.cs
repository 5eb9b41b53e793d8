using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Policy;

/// <summary>Decides, outside the model, whether a proposed action may run, must wait for approval, or is denied.</summary>
public interface IActionPolicy
{
    /// <summary>Evaluates one proposed action against the observation it was decided on.</summary>
    Verdict Evaluate(ProposedAction proposal, Observation observation);
}
