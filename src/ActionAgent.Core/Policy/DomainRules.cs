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

    /// <summary>
    /// True when the policy allows URLs of a scheme without a network host (file, data, javascript, blob…): an allowed
    /// entry <c>scheme:NAME</c> names it and no denied entry does. http(s), ws(s) and about: are always allowed here.
    /// </summary>
    public bool AllowsScheme(string scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (scheme is "http" or "https" or "ws" or "wss" or "about")
        {
            return true;
        }

        var entry = "scheme:" + scheme;
        return Allowed.Any(p => string.Equals(p.Trim(), entry, StringComparison.OrdinalIgnoreCase))
            && !Denied.Any(p => string.Equals(p.Trim(), entry, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The lower-case scheme of an absolute URL that has no network host (file, data, javascript…); null otherwise.</summary>
    public static string? SchemeOf(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') || !char.IsAsciiLetter(url[0]))
        {
            return null;
        }

        if (url.Length > colon + 1 && char.IsAsciiDigit(url[colon + 1]))
        {
            // host:port without a scheme, not a scheme.
            return null;
        }

        var scheme = url[..colon].Trim().ToLowerInvariant();
        return scheme is "http" or "https" or "ws" or "wss" ? null : scheme;
    }

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
