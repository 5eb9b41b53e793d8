using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Tells a URL or path ("/orders", "https://…", "example.com/x") from the name of a link ("Orders").</summary>
internal static partial class Urls
{
    public static bool IsUrl(string text)
    {
        var t = text.Trim().TrimEnd('.');
        return t.Length > 0 && !t.Contains(' ', StringComparison.Ordinal) && (Explicit().IsMatch(t) || BareDomain().IsMatch(t));
    }

    /// <summary>Adds a scheme to bare domains; keeps paths relative (they resolve against the current page).</summary>
    public static string Normalize(string text)
    {
        var t = text.Trim().TrimEnd('.');
        if (t.StartsWith('/') || t.Contains("://", StringComparison.Ordinal) || t.StartsWith("about:", StringComparison.OrdinalIgnoreCase))
        {
            return t;
        }

        return t.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || IpAddress().IsMatch(t) ? "http://" + t : "https://" + t;
    }

    [GeneratedRegex(@"^(?:https?://|file://|about:|/|www\.|localhost\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Explicit();

    [GeneratedRegex(@"^(?:\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?(?:/\S*)?|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}(?::\d+)?(?:/\S*)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex BareDomain();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{1,3}){3}")]
    private static partial Regex IpAddress();
}
