using System.Security.Cryptography;
using System.Text;
using ActionAgent.Core.Perception;

namespace ActionAgent.Flows.Caching;

/// <summary>
/// A short fingerprint of "which page this is": the URL path plus a hash of the sorted roles and names of its
/// interactive elements (text and headings are left out, so changing data does not change the page).
/// </summary>
public static class PageSignature
{
    private static readonly HashSet<string> Interactive = new(StringComparer.OrdinalIgnoreCase)
    {
        "button", "link", "textbox", "searchbox", "checkbox", "radio", "combobox", "listbox", "option", "tab",
        "menuitem", "switch", "slider", "spinbutton", "textarea",
    };

    /// <summary>"/refund#3fa2c01b9d4e".</summary>
    public static string Compute(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var parts = observation.Elements
            .Where(e => Interactive.Contains(e.Role))
            .Select(e => $"{e.Role.ToLowerInvariant()}|{TextSimilarity.NormalizeLabel(e.Label)}")
            .Distinct()
            .Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts)));
        return $"{PathOf(observation.Url)}#{Convert.ToHexStringLower(hash)[..12]}";
    }

    /// <summary>The path of a URL ("/refund"), or the URL itself when it is not absolute.</summary>
    public static string PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Split('?', '#')[0];
}
