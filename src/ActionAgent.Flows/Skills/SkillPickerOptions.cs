namespace ActionAgent.Flows.Skills;

/// <summary>When a skill is picked for a task. Defaults were set on eval/goals/corpus.yaml (figures in docs/skills.md).</summary>
public sealed class SkillPickerOptions
{
    /// <summary>The least meaning score (cosine of the task and the skill's best phrasing) that picks a skill. Default 0.55.</summary>
    public double Threshold { get; init; } = 0.55;

    /// <summary>Two skills closer than this to each other are ambiguous: the user is asked which. Default 0.04.</summary>
    public double Margin { get; init; } = 0.04;
}
