namespace ActionAgent.Core.Approval;

/// <summary>What a reviewer decided about a stored request: approve or reject, who, why, and optionally an edited value to type.</summary>
public sealed record ReviewerDecision(bool Approve, string Reviewer)
{
    /// <summary>The reviewer's comment; required in words when rejecting.</summary>
    public string? Comment { get; init; }

    /// <summary>A replacement for the text of a type action (only type actions can be edited).</summary>
    public string? EditedValue { get; init; }
}
