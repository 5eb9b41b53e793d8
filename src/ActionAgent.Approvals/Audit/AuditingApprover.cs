using ActionAgent.Core.Approval;

namespace ActionAgent.Approvals.Audit;

/// <summary>Wraps an approver and appends each request and its answer to the audit log (kinds "approval_requested", "approval_decided"); long texts are clipped (<see cref="AuditLimits.Clip"/>), never refused.</summary>
public sealed class AuditingApprover(IApprover inner, AuditLog log) : IApprover
{
    /// <inheritdoc />
    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await log.AppendAsync("approval_requested", new
        {
            key = AuditLimits.Clip(request.IdempotencyKey),
            runId = request.RunId,
            step = request.Step,
            url = AuditLimits.Clip(request.Url),
            action = AuditLimits.Clip(request.Proposal.Action.Describe()),
            risk = request.Verdict.Risk.ToString(),
            rule = AuditLimits.Clip(request.Verdict.Rule),
        }, cancellationToken).ConfigureAwait(false);
        var decision = await inner.RequestAsync(request, cancellationToken).ConfigureAwait(false);
        await log.AppendAsync("approval_decided", new
        {
            key = AuditLimits.Clip(request.IdempotencyKey),
            approved = decision.IsApproved,
            expired = decision.Expired,
            reviewer = AuditLimits.Clip(decision.Reviewer),
            reason = AuditLimits.Clip(decision.Reason),
            edited = decision.EditedValue is not null,
        }, CancellationToken.None).ConfigureAwait(false);
        return decision;
    }
}
