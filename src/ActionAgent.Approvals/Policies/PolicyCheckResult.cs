using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Policies;

/// <summary>The result of checking a policy file: the document when valid, otherwise every problem with its line and column.</summary>
public sealed record PolicyCheckResult(string Path, PolicyDocument? Document, IReadOnlyList<PolicyError> Errors)
{
    /// <summary>True when the file loaded without problems.</summary>
    public bool IsValid => Document is not null && Errors.Count == 0;
}
