using ActionAgent.Core.Approval;

namespace ActionAgent.Browser.Approval;

/// <summary>
/// Wraps the approver: before a held action that acts in a form goes to the reviewer, reads what that form would
/// submit; when the reviewer approves, hands it to the <see cref="FormLock"/>, so that <see cref="FormLockExecutor"/>
/// runs the action only if the form still holds it. Put it outside <see cref="FormFieldsApprover"/>: the form is read
/// for the lock before the values are read for the reviewer, so a change in between is refused, never approved.
/// </summary>
public sealed class FormLockApprover(IApprover inner, FormLock formLock) : IApprover
{
    /// <inheritdoc />
    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var held = await formLock.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        var decision = await inner.RequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (decision.IsApproved && held is not null)
        {
            formLock.Hold(held);
        }

        return decision;
    }
}
