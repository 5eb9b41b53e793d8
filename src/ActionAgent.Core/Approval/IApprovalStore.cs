using ActionAgent.Core.Policy;

namespace ActionAgent.Core.Approval;

/// <summary>
/// A durable queue of approval requests shared by the agent (enqueue, wait, claim execution) and reviewers (list, decide).
/// Decisions are atomic (exactly one reviewer wins a pending request); an approved action's execution can be claimed once.
/// </summary>
public interface IApprovalStore
{
    /// <summary>
    /// Stores a pending request, or returns the existing one with the same idempotency key. Also records a heartbeat
    /// for the request's run.
    /// </summary>
    Task<StoredApproval> EnqueueAsync(ApprovalRequest request, DateTimeOffset expiresAt, ApprovalTimeoutBehavior onTimeout, CancellationToken cancellationToken = default);

    /// <summary>Finds a request by numeric id ("17") or idempotency key ("run:3"); null when there is none.</summary>
    Task<StoredApproval?> FindAsync(string idOrKey, CancellationToken cancellationToken = default);

    /// <summary>Requests, newest first, optionally only those with one status.</summary>
    Task<IReadOnlyList<StoredApproval>> ListAsync(ApprovalStatus? status = null, int limit = 200, CancellationToken cancellationToken = default);

    /// <summary>The annotated screenshot PNG of a request (empty when it had none).</summary>
    Task<ReadOnlyMemory<byte>> GetScreenshotAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The numbered set-of-marks PNG of a request (empty when it had none).</summary>
    Task<ReadOnlyMemory<byte>> GetMarksScreenshotAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult(ReadOnlyMemory<byte>.Empty);

    /// <summary>Applies a reviewer's decision if the request is still pending and not expired; otherwise says why not.</summary>
    Task<ApprovalDecisionResult> DecideAsync(string idOrKey, ReviewerDecision decision, CancellationToken cancellationToken = default);

    /// <summary>Claims the execution of an approved request: true exactly once per key, false afterwards or when not approved.</summary>
    Task<bool> TryClaimExecutionAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Records that the agent running <paramref name="runId"/> is alive.</summary>
    Task HeartbeatAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Marks a pending request orphaned because its agent gave up (cancelled); returns false when it was no longer pending.</summary>
    Task<bool> AbandonAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default);

    /// <summary>Expires overdue requests and orphans those whose agent sent no heartbeat in time; returns how many changed.</summary>
    Task<int> SweepAsync(CancellationToken cancellationToken = default);
}
