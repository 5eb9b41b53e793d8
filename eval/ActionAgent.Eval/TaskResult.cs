namespace ActionAgent.Eval;

/// <summary>One task's outcome: what the page check said, and what the agent claimed.</summary>
public sealed record TaskResult(
    string Id,
    string Category,
    string Page,
    string Instruction,
    bool Passed,
    string? CheckError,
    string ClaimedStatus,
    int? ExitCode,
    string Message,
    double Seconds,
    int? Steps)
{
    /// <summary>The agent said it was done (Completed / exit 0) but the page check failed.</summary>
    public bool FalseCompletion => !Passed && (ClaimedStatus == "Completed" || (ClaimedStatus.Length == 0 && ExitCode == 0));
}
