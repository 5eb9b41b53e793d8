namespace ActionAgent.Core.Policy;

/// <summary>Where a host stands in a policy's domain lists.</summary>
public enum DomainStatus
{
    /// <summary>Matched by an allowed pattern (or the allow list is empty and the host is not denied).</summary>
    Allowed,

    /// <summary>Matched by a denied pattern; denied always wins over allowed.</summary>
    Denied,

    /// <summary>In neither list; what happens is the policy's <see cref="DomainRules.Unlisted"/> verdict.</summary>
    Unlisted,
}
