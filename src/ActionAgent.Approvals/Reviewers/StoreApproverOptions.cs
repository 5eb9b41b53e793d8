using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Reviewers;

/// <summary>How the agent waits for a reviewer through the approval store.</summary>
public sealed class StoreApproverOptions
{
    /// <summary>How long a request waits. Default: 10 minutes (take it from the policy's approval.timeout).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>What a timeout means. Default: expire.</summary>
    public ApprovalTimeoutBehavior OnTimeout { get; set; } = ApprovalTimeoutBehavior.Expire;

    /// <summary>How often the store is polled (and a heartbeat sent) while waiting. Default: 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The dashboard's base URL, when one runs, for the "waiting for approval at …" message. Default: none.</summary>
    public string? DashboardUrl { get; set; }

    /// <summary>Options from a policy's approval settings.</summary>
    public static StoreApproverOptions From(ApprovalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new StoreApproverOptions { Timeout = settings.Timeout, OnTimeout = settings.OnTimeout };
    }
}
