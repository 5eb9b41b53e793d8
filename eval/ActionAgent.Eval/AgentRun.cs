namespace ActionAgent.Eval;

/// <summary>What an agent said about its attempt: claimed status, exit code, message, how long it took.</summary>
public sealed record AgentRun(string ClaimedStatus, int? ExitCode, string Message, double Seconds, int? Steps = null, string? Recording = null)
{
    /// <summary>True when the agent claimed success (status Completed, or exit 0 with no status).</summary>
    public bool ClaimedDone => ClaimedStatus == "Completed" || (ClaimedStatus.Length == 0 && ExitCode == 0);
}
