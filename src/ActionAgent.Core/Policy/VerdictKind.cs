namespace ActionAgent.Core.Policy;

/// <summary>What the policy says about a proposed action.</summary>
public enum VerdictKind
{
    /// <summary>Run it.</summary>
    Allow,

    /// <summary>Run it only after a reviewer approves.</summary>
    RequireApproval,

    /// <summary>Never run it; the reason goes back to the decider.</summary>
    Deny,
}
