namespace ActionAgent.Core.Decision;

/// <summary>What a decider wants to do next, why, and which instruction it serves.</summary>
public sealed record ProposedAction(BrowserAction Action, string Reason)
{
    /// <summary>The instruction (step text) this action carries out, when the decider knows it.</summary>
    public string? StepText { get; init; }

    /// <summary>How sure the decider is, 0..1.</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>Which decider proposed it ("step-interpreter", "openai:gpt-4.1-mini", "replay", "cache").</summary>
    public string DecidedBy { get; init; } = "";

    /// <summary>Model cost of this decision.</summary>
    public ModelUsage Usage { get; init; } = ModelUsage.None;

    /// <summary>The skill this action is a step of (its id, version and filled values), when a skill is running.</summary>
    public Recording.SkillRecord? Skill { get; init; }

    /// <summary>One line for people.</summary>
    public override string ToString() => Action.Describe();
}
