using System.Globalization;
using ActionAgent.Core.Approval;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Approvals.Store;

/// <summary>
/// The one place that decides what a reviewer's decision does, for every approval store: which request it names (an id, a
/// key, or a "run:step" that must name exactly one), that an expired or orphaned request is swept before it could be
/// decided, which edits are allowed, and what the loser of two concurrent decisions is told. A store supplies only its SQL:
/// find, sweep one, and the conditional update that applies a decision to a request that is still pending and not overdue.
/// </summary>
internal static class ApprovalDecisionFlow
{
    /// <summary>Decides <paramref name="idOrKey"/>; exactly one concurrent decision of a pending request wins.</summary>
    public static async Task<ApprovalDecisionResult> DecideAsync(
        string idOrKey,
        ReviewerDecision decision,
        Func<string, CancellationToken, Task<IReadOnlyList<StoredApproval>>> findAll,
        Func<long, CancellationToken, Task<bool>> sweepOne,
        Func<long, ReviewerDecision, CancellationToken, Task<bool>> applyIfPending,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idOrKey);
        ArgumentNullException.ThrowIfNull(decision);
        if (string.IsNullOrWhiteSpace(decision.Reviewer))
        {
            return new ApprovalDecisionResult(false, "a decision needs the reviewer's name", null) { ErrorCode = "invalid" };
        }

        var candidates = await findAll(idOrKey, cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return new ApprovalDecisionResult(false, $"no approval \"{idOrKey}\" (list the pending ones with: actionagent approvals list)", null) { ErrorCode = "not_found" };
        }

        if (candidates.Count > 1)
        {
            // A decision must name the action it is about; "run:step" no longer does once that step asked about another action.
            return new ApprovalDecisionResult(false,
                $"\"{idOrKey}\" names {candidates.Count} approvals (ids {string.Join(", ", candidates.Select(c => c.Id))}); decide by id after checking it with: actionagent approvals show ID",
                null) { ErrorCode = "ambiguous" };
        }

        var current = candidates[0];
        var idText = current.Id.ToString(CultureInfo.InvariantCulture);

        // Expire and orphan this request first, so a decision never lands on one whose agent is gone or whose time is up.
        if (current.Status == ApprovalStatus.Pending && await sweepOne(current.Id, cancellationToken).ConfigureAwait(false))
        {
            current = await FindOneAsync(findAll, idText, cancellationToken).ConfigureAwait(false) ?? current;
        }

        // The person who asked for the run never releases its held steps themselves, whichever channel they decide through
        // (dashboard, serve, CLI, library), unless the run's policy says they may.
        if (ApprovalRows.IsOwnRequest(current, decision.Reviewer))
        {
            return new ApprovalDecisionResult(false,
                $"{decision.Reviewer.Trim()} asked for run {current.RunId}: another reviewer must decide approval {current.Id} (the policy's approval.requester_may_approve allows it)",
                current) { ErrorCode = "forbidden" };
        }

        if (decision.EditedValue is not null && current.ActionKind != "type")
        {
            return new ApprovalDecisionResult(false, $"approval {current.Id} is a {current.ActionKind} action; only the text of a type action can be edited", current) { ErrorCode = "invalid" };
        }

        if (decision.EditedValue is not null && !decision.Approve)
        {
            return new ApprovalDecisionResult(false, "an edited value only makes sense when approving", current) { ErrorCode = "invalid" };
        }

        var won = await applyIfPending(current.Id, decision, cancellationToken).ConfigureAwait(false);
        var after = await FindOneAsync(findAll, idText, cancellationToken).ConfigureAwait(false) ?? current;
        if (won)
        {
            logger.LogInformation("Approval {Id} {Status} by {Reviewer}", after.Id, after.Status, after.Reviewer);
            return new ApprovalDecisionResult(true, $"approval {after.Id} {Word(after.Status)} by {after.Reviewer}", after);
        }

        return after.Status switch
        {
            ApprovalStatus.Expired => new ApprovalDecisionResult(false, $"approval {after.Id} expired at {ApprovalRows.Stamp(after.ExpiresAt)}; the agent was told it expired", after) { ErrorCode = "expired" },
            ApprovalStatus.Orphaned => new ApprovalDecisionResult(false, $"approval {after.Id} is orphaned ({after.Comment}); it will never run", after) { ErrorCode = "orphaned" },
            ApprovalStatus.Pending => new ApprovalDecisionResult(false, $"approval {after.Id} expired at {ApprovalRows.Stamp(after.ExpiresAt)}", after) { ErrorCode = "expired" },
            _ => new ApprovalDecisionResult(false, $"approval {after.Id} was already {Word(after.Status)} by {after.Reviewer} at {(after.DecidedAt is { } d ? ApprovalRows.Stamp(d) : "?")}", after) { ErrorCode = "already_decided" },
        };
    }

    private static async Task<StoredApproval?> FindOneAsync(Func<string, CancellationToken, Task<IReadOnlyList<StoredApproval>>> findAll, string id, CancellationToken cancellationToken)
    {
        var found = await findAll(id, cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    private static string Word(ApprovalStatus status) => SqliteApprovalStore.StatusWord(status);
}
