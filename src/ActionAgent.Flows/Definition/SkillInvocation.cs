using ActionAgent.Core.Recording;

namespace ActionAgent.Flows.Definition;

/// <summary>A skill run for a task: the task as the user typed it and what run.json records about the skill.</summary>
public sealed record SkillInvocation(string Task, SkillRecord Record);
