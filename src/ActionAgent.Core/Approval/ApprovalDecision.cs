using ActionAgent.Core.Policy;

namespace ActionAgent.Core.Approval;

/// <summary>A reviewer's answer: approved or not, why, who, and optionally an edited value to type instead.</summary>
public sealed record ApprovalDecision(bool IsApproved, string Reason, string Reviewer)
{
    /// <summary>A replacement for the text of a type action, when the reviewer edited it.</summary>
    public string? EditedValue { get; init; }

    /// <summary>True when no reviewer answered in time.</summary>
    public bool Expired { get; init; }

    /// <summary>The automatic decision for a verdict that needs no reviewer.</summary>
    public static ApprovalDecision From(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.IsDenied
            ? new ApprovalDecision(false, $"denied by policy: {verdict.Reason}", "policy")
            : new ApprovalDecision(true, "allowed by policy", "policy");
    }

    /// <summary>Approved by a named reviewer.</summary>
    public static ApprovalDecision Approve(string reviewer, string reason = "approved") => new(true, reason, reviewer);

    /// <summary>Rejected by a named reviewer.</summary>
    public static ApprovalDecision Reject(string reviewer, string reason) => new(false, reason, reviewer);
}
