namespace ActionAgent.Browser.Network;

/// <summary>What the network guard did with a request.</summary>
public enum NetworkEventKind
{
    /// <summary>Aborted: the host is denied (or unlisted and the policy denies unlisted hosts).</summary>
    Blocked,

    /// <summary>A mutating request with no approved action in flight was held for a reviewer.</summary>
    Held,

    /// <summary>A held request was approved and continued.</summary>
    Approved,

    /// <summary>A held request was rejected (or expired) and aborted.</summary>
    Rejected,

    /// <summary>A mutating request passed because its endpoint is exempt.</summary>
    Exempt,

    /// <summary>Log mode: the request would have been blocked or held, and was let through.</summary>
    Violation,

    /// <summary>A redirect led to a denied host; Playwright cannot route redirect hops, so it was only reported.</summary>
    RedirectToDenied,
}
