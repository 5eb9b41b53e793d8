namespace ActionAgent.Core.Approval;

/// <summary>Where a stored approval request stands.</summary>
public enum ApprovalStatus
{
    /// <summary>Waiting for a reviewer.</summary>
    Pending,

    /// <summary>A reviewer approved it; it may execute once (see <see cref="IApprovalStore.TryClaimExecutionAsync"/>).</summary>
    Approved,

    /// <summary>A reviewer (or a timeout, when the policy says so) rejected it.</summary>
    Rejected,

    /// <summary>Nobody decided in time.</summary>
    Expired,

    /// <summary>
    /// It will never execute: the agent that asked stopped (no heartbeat) or gave up, before or after approval, or the same run
    /// and step asked for a different action (superseded).
    /// </summary>
    Orphaned,
}
