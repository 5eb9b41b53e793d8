namespace ActionAgent.Flows.Caching;

/// <summary>One self-healing: which instruction, why the cached action no longer fit, and what the decider chose instead.</summary>
public sealed record HealEvent(string Instruction, int Step, string Reason, string OldTarget, string NewAction, DateTimeOffset At);
