namespace ActionAgent.Core.Approval;

/// <summary>
/// The answer to a reviewer's decision: applied (this reviewer won), or why not — unknown id, already decided by someone
/// else ("already approved by alice at 12:03:04Z"), expired, orphaned, or invalid (for example an edit of a non-type action).
/// </summary>
public sealed record ApprovalDecisionResult(bool Applied, string Message, StoredApproval? Approval)
{
    /// <summary>
    /// Why the decision was not applied, as a code: "not_found", "ambiguous" (a run:step naming several requests),
    /// "already_decided", "expired", "orphaned", "invalid"; "" when applied.
    /// </summary>
    public string ErrorCode { get; init; } = "";
}
