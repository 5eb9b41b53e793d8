using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ActionAgent.Core.Policy;

/// <summary>
/// The regular-expression pattern for every form in which a page can cheaply echo one secret value: plain (any letter
/// case, zero-width characters between letters), percent-encoded (%XX either case, '+' for space), HTML entities,
/// JSON/JavaScript escapes — mixed freely, character by character — and its hex and base64 (standard and url-safe) forms.
/// </summary>
internal static class SecretForms
{
    /// <summary>Encoded forms shorter than this are left out: they would match unrelated text.</summary>
    internal const int MinimumEncodedLength = 8;

    /// <summary>Values shorter than this match only plainly and as a whole word ("ops" but not "stops" or "%6Fps").</summary>
    internal const int WholeWordBelow = 4;

    // Invisible characters a page can slip between the letters of an echo without changing what a person reads.
    private const string Invisible = @"[\u00AD\u200B-\u200D\u2060\uFEFF]*";

    /// <summary>The pattern (no group, no options) that matches <paramref name="value"/> in any of its forms.</summary>
    public static string PatternFor(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var forms = new List<string>();

        // Base64 first: at one position the complete encoding (with its padding) must win over its own prefix.
        foreach (var urlSafe in new[] { false, true })
        {
            foreach (var core in Base64Forms(bytes, urlSafe))
            {
                forms.Add(Base64Units(core));
            }
        }

        var hex = Convert.ToHexString(bytes);
        if (hex.Length >= MinimumEncodedLength)
        {
            forms.Add(hex);
        }

        forms.Add(value.Length < WholeWordBelow ? WholeWord(value) : Units(value, invisibles: true));
        return string.Join("|", forms.Distinct(StringComparer.Ordinal));
    }

    /// <summary>
    /// Base64 of the value as it appears inside a longer encoded stream: for each of the 3 byte alignments, the characters
    /// that depend on the value alone; plus the whole value's own encoding with and without padding.
    /// </summary>
    internal static IEnumerable<string> Base64Forms(byte[] bytes, bool urlSafe)
    {
        var whole = Base64(bytes, urlSafe);
        if (whole.TrimEnd('=').Length >= MinimumEncodedLength)
        {
            yield return whole;
        }

        for (var shift = 0; shift < 3; shift++)
        {
            var shifted = new byte[shift + bytes.Length];
            bytes.CopyTo(shifted, shift);
            var encoded = Base64(shifted, urlSafe);

            // Chars before the value mix in the preceding bytes (2 for one byte, 3 for two); after the last complete
            // 3-byte group they mix in the following bytes.
            var start = shift switch { 0 => 0, 1 => 2, _ => 3 };
            var end = shifted.Length / 3 * 4;
            if (end - start >= MinimumEncodedLength)
            {
                yield return encoded[start..end];
            }
        }
    }

    // A short value ("ops") spelled plainly, not inside a longer word: every encoded spelling would match unrelated text.
    private static string WholeWord(string value)
    {
        var escaped = Regex.Escape(value);
        var before = char.IsLetterOrDigit(value[0]) || value[0] == '_' ? @"\b" : "";
        var after = char.IsLetterOrDigit(value[^1]) || value[^1] == '_' ? @"\b" : "";
        return before + escaped + after;
    }

    private static string Base64(byte[] bytes, bool urlSafe)
    {
        var text = Convert.ToBase64String(bytes);
        return urlSafe ? text.Replace('+', '-').Replace('/', '_') : text;
    }

    // Base64 text as a page would carry it: letters and digits as they are, '+', '/' and '=' also percent- or JSON-escaped.
    private static string Base64Units(string text) => string.Concat(text.Select(c => c switch
    {
        '+' => @"(?:\+|%2B)",
        '/' => @"(?:/|\\/|%2F)",
        '=' => "(?:=|%3D)",
        _ => c.ToString(),
    }));

    // Each character of the text in any of the ways a page may spell it; see the class summary.
    private static string Units(string text, bool invisibles)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!first && invisibles)
            {
                sb.Append(Invisible);
            }

            first = false;
            sb.Append("(?:").Append(string.Join("|", Spellings(rune))).Append(')');
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Spellings(Rune rune)
    {
        var inv = CultureInfo.InvariantCulture;
        yield return Regex.Escape(rune.ToString());

        Span<byte> utf8 = stackalloc byte[4];
        var n = rune.EncodeToUtf8(utf8);
        var percent = new StringBuilder();
        foreach (var b in utf8[..n])
        {
            percent.Append('%').Append(b.ToString("X2", inv));
        }

        yield return percent.ToString();
        yield return "&\\#0*" + rune.Value.ToString(inv) + ";";
        yield return "&\\#x0*" + rune.Value.ToString("X", inv) + ";";

        Span<char> utf16 = stackalloc char[2];
        var units = rune.EncodeToUtf16(utf16);
        var json = new StringBuilder();
        foreach (var c in utf16[..units])
        {
            json.Append(@"\\u").Append(((int)c).ToString("X4", inv));
        }

        yield return json.ToString();

        var extra = rune.Value switch
        {
            ' ' => [@"\+", "&nbsp;", "\u00A0"],
            '&' => ["&amp;"],
            '<' => ["&lt;", @"\\x3C"],
            '>' => ["&gt;", @"\\x3E"],
            '"' => ["&quot;", @"\\"""],
            '\'' => ["&apos;", @"\\'"],
            '\\' => [@"\\\\"],
            '/' => [@"\\/"],
            '\n' => [@"\\n"],
            '\r' => [@"\\r"],
            '\t' => [@"\\t"],
            _ => Array.Empty<string>(),
        };
        foreach (var e in extra)
        {
            yield return e;
        }
    }
}
