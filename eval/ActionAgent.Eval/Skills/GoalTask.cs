namespace ActionAgent.Eval.Skills;

/// <summary>One entry of eval/goals/corpus.yaml: the task, the skill it must pick ("none" = no skill), the values it must fill and the parameters it must ask for.</summary>
public sealed record GoalTask(string Id, string Task, string Skill, IReadOnlyDictionary<string, IReadOnlyList<string>> Params, IReadOnlyList<string> Ask);
