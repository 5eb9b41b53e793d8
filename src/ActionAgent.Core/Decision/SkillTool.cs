namespace ActionAgent.Core.Decision;

/// <summary>
/// A skill offered to a model decider as a one-call action (<c>run_skill</c>): its id, what it does and its parameters.
/// The skills layer fills <see cref="DecisionContext.Skills"/>; a model answers with a <see cref="RunSkillAction"/>.
/// </summary>
public sealed record SkillTool(string Name, string Title, string Description, IReadOnlyList<SkillToolParameter> Parameters);
