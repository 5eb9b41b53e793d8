using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision;

/// <summary>Everything a decider may use for the next step: the task, the current observation and the history.</summary>
public sealed record DecisionContext(string RunId, string Task, int Step, Observation Observation, IReadOnlyList<StepSummary> History)
{
    /// <summary>The outcome of the previous step, when there was one.</summary>
    public StepSummary? Last => History.Count == 0 ? null : History[^1];

    /// <summary>Skills a model decider may run in one call (<see cref="RunSkillAction"/>); empty when none are offered.</summary>
    public IReadOnlyList<SkillTool> Skills { get; init; } = [];
}
