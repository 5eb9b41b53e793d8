namespace ActionAgent.Core.Policy;

/// <summary>Host pattern matching and URL host extraction shared by the policy engine, the network guard and secrets.</summary>
public static class DomainPattern
{
    /// <summary>
    /// True when <paramref name="host"/> matches <paramref name="pattern"/>: exact (case-insensitive), <c>*.example.com</c>
    /// for any subdomain of example.com (not example.com itself), or <c>*</c> for every host.
    /// </summary>
    public static bool Matches(string host, string pattern)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(pattern);
        host = Normalize(host);
        pattern = Normalize(pattern);
        if (pattern == "*")
        {
            return true;
        }

        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1;
        }

        return string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The host of an absolute URL, or of a relative one resolved against <paramref name="baseUrl"/>; null for URLs without
    /// a network host (about:, data:, blob:, javascript:) or that cannot be parsed.
    /// </summary>
    public static string? HostOf(string? url, string? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        Uri? uri = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme == "file" && !url.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            uri = null;
            if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, url, out var r))
            {
                uri = r;
            }
        }

        return uri is { Scheme: "http" or "https" or "ws" or "wss" or "ftp" } ? Normalize(uri.Host) : null;
    }

    /// <summary>Resolves a possibly relative URL against a base; returns the input when it cannot.</summary>
    public static string Resolve(string url, string? baseUrl) =>
        baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, url, out var r) ? r.ToString() : url;

    private static string Normalize(string host) => host.Trim().TrimEnd('.').Trim('[', ']').ToLowerInvariant();
}
