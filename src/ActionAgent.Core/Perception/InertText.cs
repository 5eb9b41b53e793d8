using System.Globalization;
using System.Text;

namespace ActionAgent.Core.Perception;

/// <summary>
/// Makes page-controlled text inert before a person sees it (terminal, HTML, JSON a page renders): control characters
/// (so ANSI/VT sequences lose their ESC) are shown as <c>\x1b</c>, bidi and other invisible format characters as <c>&lt;U+202E&gt;</c>.
/// </summary>
public static class InertText
{
    /// <summary>One line: every control character is escaped, newlines and tabs included (<c>\n</c>, <c>\r</c>, <c>\t</c>).</summary>
    public static string Line(string? text) => Escape(text, keepLines: false);

    /// <summary>Several lines: <c>\n</c> and tabs are kept (<c>\r\n</c> becomes <c>\n</c>); every other control character is escaped.</summary>
    public static string Block(string? text) => Escape(text, keepLines: true);

    /// <summary>True when the character would be escaped: C0/C1 controls, DEL, bidi controls, line separators, invisible format characters, lone surrogates.</summary>
    public static bool IsUnsafe(int codePoint) =>
        codePoint is < 0x20 or (>= 0x7F and <= 0x9F) or 0x2028 or 0x2029 or (>= 0xD800 and <= 0xDFFF)
        || (CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format && codePoint is not 0x200C and not 0x200D);

    private static string Escape(string? text, bool keepLines)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!NeedsWork(text, keepLines))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                if (IsUnsafe(cp))
                {
                    sb.Append("<U+").Append(cp.ToString("X4", CultureInfo.InvariantCulture)).Append('>');
                }
                else
                {
                    sb.Append(c).Append(text[i + 1]);
                }

                i++;
                continue;
            }

            if (keepLines && (c is '\n' or '\t' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')))
            {
                // A CR before LF is just a Windows line end; a lone CR would return the cursor and overwrite the line.
                if (c != '\r')
                {
                    sb.Append(c);
                }

                continue;
            }

            if (!IsUnsafe(c))
            {
                sb.Append(c);
                continue;
            }

            sb.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                < '\u0100' => @"\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => "<U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ">",
            });
        }

        return sb.ToString();
    }

    private static bool NeedsWork(string text, bool keepLines)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20)
            {
                if (!keepLines || c is not '\n' and not '\t')
                {
                    return true;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsUnsafe(char.ConvertToUtf32(c, text[++i])))
                {
                    return true;
                }
            }
            else if (c >= 0x7F && IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }
}
