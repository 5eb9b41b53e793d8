using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Skills;

/// <summary>How a task matched the skills: the skills ranked by score (best first) and what that means.</summary>
public sealed record SkillPick(SkillPickOutcome Outcome, IReadOnlyList<SkillScore> Ranked)
{
    /// <summary>The picked skill (null unless <see cref="SkillPickOutcome.Picked"/>).</summary>
    public FlowDefinition? Skill => Outcome == SkillPickOutcome.Picked ? Ranked[0].Skill : null;

    /// <summary>The skills within the margin of the best (two or more when <see cref="SkillPickOutcome.Ambiguous"/>).</summary>
    public IReadOnlyList<SkillScore> Tied { get; init; } = [];

    /// <summary>The skills to ask about when ambiguous, or to list as closest when nothing matched.</summary>
    public IReadOnlyList<SkillScore> Closest(int count = 3) => Ranked.Take(count).ToList();
}

/// <summary>One skill's score for a task, and the phrasing (description or example) that scored it.</summary>
public sealed record SkillScore(FlowDefinition Skill, double Score, string Phrasing);

/// <summary>What picking found.</summary>
public enum SkillPickOutcome
{
    /// <summary>One skill is clearly the best and close enough.</summary>
    Picked,

    /// <summary>Two or more skills score within the margin of each other: ask which.</summary>
    Ambiguous,

    /// <summary>No skill is close enough: say so and fall back to reading the task as explicit steps.</summary>
    NoMatch,
}
