using System.Text;
using System.Text.RegularExpressions;

namespace ActionAgent.Models.Prompting;

/// <summary>
/// Makes page-controlled text safe to place inside the &lt;page_content&gt; fence: one line, no control characters,
/// no fence markers (so a page cannot close the fence and speak outside it), quotes softened, length capped.
/// </summary>
public static partial class UntrustedText
{
    /// <summary>The opening fence marker.</summary>
    public const string Open = "<page_content>";

    /// <summary>The closing fence marker.</summary>
    public const string Close = "</page_content>";

    /// <summary>One cleaned line of at most <paramref name="maxChars"/> characters (0 = no cap).</summary>
    public static string Line(string? text, int maxChars = 0)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c == '"' ? '\'' : c);
        }

        var cleaned = Neutralise(builder.ToString());
        return maxChars > 0 && cleaned.Length > maxChars ? cleaned[..(maxChars - 1)].TrimEnd() + "…" : cleaned;
    }

    /// <summary>Replaces anything that reads as a fence marker (any case, spacing or slash) with a harmless look-alike.</summary>
    public static string Neutralise(string text) => FenceMarker().Replace(text, m => "‹" + m.Value[1..^1].Replace('/', '∕') + "›");

    [GeneratedRegex(@"<\s*/?\s*page[\s_\-]*content\s*/?\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FenceMarker();
}
