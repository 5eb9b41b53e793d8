namespace ActionAgent.Core.Policy;

/// <summary>What it means when no reviewer decides in time.</summary>
public enum ApprovalTimeoutBehavior
{
    /// <summary>The request is marked expired; the run hears "approval expired" (default).</summary>
    Expire,

    /// <summary>The request is marked rejected by "timeout".</summary>
    Reject,
}
