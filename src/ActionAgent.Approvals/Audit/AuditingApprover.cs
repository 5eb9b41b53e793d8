using ActionAgent.Core.Approval;

namespace ActionAgent.Approvals.Audit;

/// <summary>Wraps an approver and appends each request and its answer to the audit log (kinds "approval_requested", "approval_decided").</summary>
public sealed class AuditingApprover(IApprover inner, AuditLog log) : IApprover
{
    /// <inheritdoc />
    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await log.AppendAsync("approval_requested", new
        {
            key = request.IdempotencyKey,
            runId = request.RunId,
            step = request.Step,
            url = request.Url,
            action = request.Proposal.Action.Describe(),
            risk = request.Verdict.Risk.ToString(),
            rule = request.Verdict.Rule,
        }, cancellationToken).ConfigureAwait(false);
        var decision = await inner.RequestAsync(request, cancellationToken).ConfigureAwait(false);
        await log.AppendAsync("approval_decided", new
        {
            key = request.IdempotencyKey,
            approved = decision.IsApproved,
            expired = decision.Expired,
            reviewer = decision.Reviewer,
            reason = decision.Reason,
            edited = decision.EditedValue is not null,
        }, CancellationToken.None).ConfigureAwait(false);
        return decision;
    }
}
