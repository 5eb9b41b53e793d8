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

    /// <summary>
    /// Who asked for the run (a <c>serve</c> worker passes the task's operator as <c>ACTIONAGENT_REQUESTED_BY</c>), stored
    /// with every request so the store refuses their own decision on it. Default: nobody named.
    /// </summary>
    public string? RequestedBy { get; set; }

    /// <summary>The environment variable a <c>serve</c> worker sets to the task's operator for the run it starts.</summary>
    public const string RequestedByVariable = "ACTIONAGENT_REQUESTED_BY";

    /// <summary>The policy's approval.requester_may_approve: the requester may decide too. Default: false.</summary>
    public bool RequesterMayApprove { get; set; }

    /// <summary>Options from a policy's approval settings.</summary>
    public static StoreApproverOptions From(ApprovalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new StoreApproverOptions { Timeout = settings.Timeout, OnTimeout = settings.OnTimeout, RequesterMayApprove = settings.RequesterMayApprove };
    }
}
