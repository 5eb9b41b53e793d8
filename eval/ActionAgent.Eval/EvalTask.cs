namespace ActionAgent.Eval;

/// <summary>One held-out task: where it starts, what the agent is told, and how the page state is scored.</summary>
public sealed record EvalTask(
    string Id,
    string Category,
    string Page,
    string Path,
    string Instruction,
    string Check,
    IReadOnlyList<EvalStep> Setup,
    IReadOnlyList<EvalStep> Reference);
