namespace ActionAgent.Core.Perception;

/// <summary>
/// A URL as logs above Verbose may show it: scheme, host, port and path, without query or fragment (a page can put a
/// typed value or a token there). The full URL goes to Verbose only.
/// </summary>
public static class LoggedUrl
{
    /// <summary>The URL without query and fragment; "(not a URL)" for anything that does not parse.</summary>
    public static string Of(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Path) + (u.Query.Length > 0 ? "?…" : "") : "(not a URL)";
}
