namespace ActionAgent.Core.Approval;

/// <summary>Approves everything (<c>--yes</c>) or refuses everything (no reviewer available), saying so in the decision.</summary>
public sealed class AutoApprover(bool approve, string reason) : IApprover
{
    /// <summary>Approves every request (<c>--yes</c>).</summary>
    public static AutoApprover ApproveAll { get; } = new(true, "approved by --yes");

    /// <inheritdoc />
    public Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ApprovalDecision(approve, reason, approve ? "--yes" : "none"));
}
