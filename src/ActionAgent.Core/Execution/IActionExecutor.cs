using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Execution;

/// <summary>Carries out an approved action with real input on the page.</summary>
public interface IActionExecutor
{
    /// <summary>Executes the action; element ids and points are resolved against the observation it was decided on.</summary>
    Task<ActionOutcome> ExecuteAsync(ProposedAction proposal, Observation observation, CancellationToken cancellationToken = default);
}
