namespace ActionAgent.Core.Policy;

/// <summary>How the network guard treats the page's own requests.</summary>
public enum NetworkGuardMode
{
    /// <summary>No routing: requests are not inspected.</summary>
    Off,

    /// <summary>Requests are inspected and violations reported, nothing is blocked.</summary>
    Log,

    /// <summary>Denied domains are aborted and unapproved mutating requests are held for a reviewer (default).</summary>
    Guard,
}
