namespace ActionAgent.Core.Approval;

/// <summary>Asks a reviewer (console, dashboard, policy) to approve or reject a held action.</summary>
public interface IApprover
{
    /// <summary>Requests a decision; returns when the reviewer answered, the request expired, or it was refused.</summary>
    Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default);
}
