using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ActionAgent.Core.Perception;

namespace ActionAgent.Models.Prompting;

/// <summary>
/// Makes page-controlled text safe to place inside the &lt;page_content&gt; fence: one line, no control or invisible
/// format characters, no fence or role markers in any disguise (so a page cannot close the fence or open a fake
/// system block), quotes softened, length capped.
/// </summary>
public static partial class UntrustedText
{
    /// <summary>The opening fence marker.</summary>
    public const string Open = "<page_content>";

    /// <summary>The closing fence marker.</summary>
    public const string Close = "</page_content>";

    /// <summary>What a fence marker found in page text is replaced with.</summary>
    public const string RemovedFence = "[removed: fence marker]";

    /// <summary>What a role or chat-template marker found in page text is replaced with.</summary>
    public const string RemovedRole = "[removed: role marker]";

    /// <summary>One cleaned line of at most <paramref name="maxChars"/> characters (0 = no cap).</summary>
    public static string Line(string? text, int maxChars = 0)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (Invisible(pair ? char.ConvertToUtf32(c, text[i + 1]) : c))
            {
                // Zero-width characters, soft hyphens, bidi controls and tag characters carry nothing a model needs
                // and can hide markers or smuggle invisible instructions.
                i += pair ? 1 : 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c == '"' ? '\'' : c);
            if (pair)
            {
                builder.Append(text[++i]);
            }
        }

        var cleaned = Neutralise(builder.ToString());
        return maxChars > 0 && cleaned.Length > maxChars ? cleaned[..(maxChars - 1)].TrimEnd() + "…" : cleaned;
    }

    /// <summary>
    /// Replaces anything that reads as a fence marker or a role/chat-template marker with a plain note. Matching runs on
    /// the <see cref="TextSkeleton"/>, so zero-width, soft-hyphen, fullwidth and homoglyph variants are caught too.
    /// </summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var skeleton = TextSkeleton.Of(text);
        var matches = Marker().Matches(skeleton.Text);
        if (matches.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (Match m in matches)
        {
            var (start, length) = skeleton.ToOriginal(m.Index, m.Length);
            if (start < at)
            {
                continue;
            }

            result.Append(text, at, start - at).Append(m.Groups["fence"].Success ? RemovedFence : RemovedRole);
            at = start + length;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    private static bool Invisible(int codePoint) =>
        codePoint is not 0x200C and not 0x200D && CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format;

    // Fence markers in any case, spacing or separator; role tags (<system>, </instructions>, <assistant_message>);
    // chat-template tokens (<|im_start|>, [INST], <<SYS>>); and the prompt's own task heading.
    [GeneratedRegex(
        @"(?<fence><\s*/?\s*page[\s_\-.]*content\s*/?\s*>)"
        + @"|<\s*/?\s*(system|assistant|developer|user|instructions?|task)([\s_\-]*(prompt|message|instructions?|turn))?\s*/?\s*>"
        + @"|<\s*\|[^<>|]{1,24}\|\s*>|\[\s*/?\s*(inst|sys|system)\s*\]|<<\s*/?\s*sys\s*>>"
        + @"|task\s*\(\s*from\s+the\s+user\s*\)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
