namespace ActionAgent.Core.Policy;

/// <summary>
/// Allowed and denied host patterns (<c>example.com</c> exact, <c>*.example.com</c> any subdomain, <c>*</c> any host).
/// Denied wins over allowed. An empty allow list allows every host that is not denied.
/// </summary>
public sealed record DomainRules
{
    /// <summary>Host patterns the agent may work on. Default: loopback only (127.0.0.1, localhost, ::1).</summary>
    public IReadOnlyList<string> Allowed { get; init; } = ["127.0.0.1", "localhost", "[::1]"];

    /// <summary>Host patterns the agent and the page may never reach. Default: none.</summary>
    public IReadOnlyList<string> Denied { get; init; } = [];

    /// <summary>Verdict for going to a host in neither list. Default: deny.</summary>
    public VerdictKind Unlisted { get; init; } = VerdictKind.Deny;

    /// <summary>Classifies a host (no scheme, no port).</summary>
    public DomainStatus Classify(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (Denied.Any(p => DomainPattern.Matches(host, p)))
        {
            return DomainStatus.Denied;
        }

        return Allowed.Count == 0 || Allowed.Any(p => DomainPattern.Matches(host, p)) ? DomainStatus.Allowed : DomainStatus.Unlisted;
    }
}
