namespace ActionAgent.Core.Policy;

/// <summary>How long a held action waits for a reviewer and what happens when nobody answers.</summary>
public sealed record ApprovalSettings
{
    /// <summary>How long a request waits. Default: 10 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>What a timeout means. Default: expire.</summary>
    public ApprovalTimeoutBehavior OnTimeout { get; init; } = ApprovalTimeoutBehavior.Expire;

    /// <summary>A pending request whose agent sent no heartbeat for this long is orphaned and never runs. Default: 30 s.</summary>
    public TimeSpan OrphanAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether the person who asked for a run (a task's operator in <c>serve</c>) may decide its held steps themselves.
    /// Default: false, another reviewer decides.
    /// </summary>
    public bool RequesterMayApprove { get; init; }
}
