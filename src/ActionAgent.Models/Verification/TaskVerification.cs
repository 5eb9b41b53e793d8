using ActionAgent.Core.Decision;

namespace ActionAgent.Models.Verification;

/// <summary>The verifier's judgement of a run that claimed done: status, its reason, and what the check cost.</summary>
public sealed record TaskVerification(VerificationStatus Status, string Reason)
{
    /// <summary>The model that checked.</summary>
    public string CheckedBy { get; init; } = "";

    /// <summary>Tokens and cost of the check.</summary>
    public ModelUsage Usage { get; init; } = ModelUsage.None;

    /// <summary>Why the claim stands unverified: <see cref="Core.Execution.FailureKind.NotVerified"/> unless the check itself could not run.</summary>
    public Core.Execution.FailureKind Failure { get; init; } = Core.Execution.FailureKind.NotVerified;

    /// <summary>True when verified.</summary>
    public bool IsVerified => Status == VerificationStatus.Verified;

    /// <summary>One line for reports: "claimed done, verified: …" / "claimed done, not verified: …".</summary>
    public string Summary => Status switch
    {
        VerificationStatus.Verified => $"claimed done, verified: {Reason}",
        VerificationStatus.NotVerified => $"claimed done, not verified: {Reason}",
        _ => $"claimed done, could not verify: {Reason}",
    };

    /// <inheritdoc />
    public override string ToString() => Summary;
}
