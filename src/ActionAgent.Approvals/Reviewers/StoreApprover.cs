using ActionAgent.Approvals.Store;
using ActionAgent.Core.Approval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Approvals.Reviewers;

/// <summary>
/// Puts a held action in the approval store and waits until a reviewer (dashboard or CLI) decides, it expires, or the run
/// is cancelled (the request is then orphaned, so it can never run later). While waiting it sends heartbeats, so a
/// dashboard can tell a live agent from a dead one. An approved action is returned only after its execution claim
/// succeeded: the same approval never executes twice, even if two agents share a run id. Requests are keyed by the action's
/// fingerprint, so an approval only ever releases the action it was requested for.
/// </summary>
public sealed class StoreApprover(IApprovalStore store, StoreApproverOptions options, TimeProvider? time = null, ILogger<StoreApprover>? logger = null) : IApprover
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>Raised once a request is stored and pending (for "waiting for approval 17 at http://…" messages).</summary>
    public event Action<StoredApproval>? Pending;

    /// <inheritdoc />
    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = request with { RequestedBy = options.RequestedBy ?? request.RequestedBy, RequesterMayApprove = options.RequesterMayApprove };
        var key = request.IdempotencyKey;
        var stored = await store.EnqueueAsync(request, _time.GetUtcNow() + options.Timeout, options.OnTimeout, cancellationToken).ConfigureAwait(false);
        if (stored.Status == ApprovalStatus.Pending)
        {
            _logger.LogInformation("Step {Step} waits for approval {Id}{Where}", request.Step, stored.Id,
                options.DashboardUrl is null ? "" : $" at {options.DashboardUrl.TrimEnd('/')}/approvals/{stored.Id}");
            Pending?.Invoke(stored);
        }

        try
        {
            while (stored.Status == ApprovalStatus.Pending)
            {
                await Task.Delay(options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                await store.HeartbeatAsync(request.RunId, cancellationToken).ConfigureAwait(false);
                await store.SweepAsync(cancellationToken).ConfigureAwait(false);
                stored = await store.FindAsync(key, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"approval {key} disappeared from the store {stored.Id}");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run gave up: make sure a late approval can never execute this action.
            await store.AbandonAsync(key, "the run was cancelled while waiting", CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return await ToDecisionAsync(stored, request.Fingerprint, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ApprovalDecision> ToDecisionAsync(StoredApproval stored, ActionFingerprint fingerprint, CancellationToken cancellationToken)
    {
        switch (stored.Status)
        {
            case ApprovalStatus.Approved when stored.Fingerprint != fingerprint.Value:
                // Same key, other action (a 64-bit prefix collision, or a row written by other code): never release it.
                _logger.LogWarning("Approval {Id} was granted for action {Stored}, not {Requested}; not applied", stored.Id, stored.Fingerprint, fingerprint.Value);
                return ApprovalDecision.Reject("store", $"approval {stored.Id} was granted for a different action (fingerprint {Short(stored.Fingerprint)}, not {fingerprint.Short}); it is not applied");
            case ApprovalStatus.Approved:
                if (!await store.TryClaimExecutionAsync(stored.IdempotencyKey, cancellationToken).ConfigureAwait(false))
                {
                    return ApprovalDecision.Reject("store", $"approval {stored.Id} was already executed; it is not run twice");
                }

                return new ApprovalDecision(true, stored.Comment is { Length: > 0 } c ? c : "approved", stored.Reviewer ?? "?") { EditedValue = stored.EditedValue };
            case ApprovalStatus.Rejected:
                return ApprovalDecision.Reject(stored.Reviewer ?? "?", stored.Comment is { Length: > 0 } r ? r : "rejected without a reason");
            case ApprovalStatus.Expired:
                return new ApprovalDecision(false, $"no reviewer decided within {options.Timeout}", "timeout") { Expired = true };
            default:
                return ApprovalDecision.Reject(stored.Reviewer ?? "store", $"approval {stored.Id} is orphaned: {stored.Comment}");
        }
    }

    private static string Short(string fingerprint) => fingerprint.Length > 16 ? fingerprint[..16] : fingerprint.Length == 0 ? "none" : fingerprint;
}
