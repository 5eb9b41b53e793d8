namespace ActionAgent.Flows.Replay;

/// <summary>Moves recorded URLs to another origin (the sample app listens on a new port each run).</summary>
public sealed class UrlRebaser
{
    private readonly string? _from;
    private readonly string? _to;

    /// <summary>Rebases URLs of <paramref name="recordedUrl"/>'s origin onto <paramref name="newBase"/>; either null means no change.</summary>
    public UrlRebaser(string? recordedUrl, string? newBase)
    {
        _from = OriginOf(recordedUrl);
        _to = string.IsNullOrWhiteSpace(newBase) ? null : newBase.TrimEnd('/');
    }

    /// <summary>The origin ("http://127.0.0.1:5000") of an absolute URL, or null.</summary>
    public static string? OriginOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

    /// <summary>The URL with the recorded origin replaced by the new base.</summary>
    public string Rebase(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_from is null || _to is null)
        {
            return url;
        }

        return url.StartsWith(_from, StringComparison.OrdinalIgnoreCase) ? _to + url[_from.Length..] : url;
    }

    /// <summary>Path, query and fragment of a URL, for comparing pages across origins.</summary>
    public static string PathAndQuery(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery + uri.Fragment : url;
}
