using System.Globalization;
using System.Text;

namespace ActionAgent.Core.Perception;

/// <summary>
/// The form of page text that marker checks match against, so disguised markers still match: invisible characters
/// (zero-width, soft hyphen, bidi, marks) dropped, compatibility forms (fullwidth, math letters, ligatures) and
/// Cyrillic/Greek look-alikes folded to ASCII, lower case. Each folded character maps back to its span in the original.
/// </summary>
public sealed class TextSkeleton
{
    private readonly int[] _from;
    private readonly int[] _to;

    private TextSkeleton(string original, string text, int[] from, int[] to)
    {
        Original = original;
        Text = text;
        _from = from;
        _to = to;
    }

    /// <summary>The text the skeleton was made of.</summary>
    public string Original { get; }

    /// <summary>The folded text to match against.</summary>
    public string Text { get; }

    /// <summary>The folded form of <paramref name="text"/>.</summary>
    public static string Fold(string? text) => Of(text).Text;

    /// <summary>The skeleton of <paramref name="text"/> with its map back to the original.</summary>
    public static TextSkeleton Of(string? text)
    {
        text ??= "";
        var sb = new StringBuilder(text.Length);
        var from = new List<int>(text.Length);
        var to = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var start = i;
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            var folded = FoldCodePoint(cp);
            foreach (var c in folded)
            {
                sb.Append(c);
                from.Add(start);
                to.Add(i + 1);
            }
        }

        return new TextSkeleton(text, sb.ToString(), [.. from], [.. to]);
    }

    /// <summary>The span of the original text that skeleton characters [<paramref name="start"/>, start + length) came from.</summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        if (length < 0 || start < 0 || start + length > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "the span is not inside the skeleton");
        }

        var first = start < Text.Length ? _from[start] : Original.Length;
        return length == 0 ? (first, 0) : (first, _to[start + length - 1] - first);
    }

    /// <summary>What one code point folds to: "" for invisible ones, ASCII for look-alikes, else itself in lower case.</summary>
    private static string FoldCodePoint(int cp)
    {
        if (cp < 0x80)
        {
            return cp is < 0x20 and not 9 and not 10 and not 13 or 0x7F ? ""
                : ((char)cp).ToString().ToLowerInvariant();
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(cp))
        {
            case UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Control:
                return "";
            case UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                return " ";
        }

        if (cp is 0x034F or (>= 0xFE00 and <= 0xFE0F) or 0x115F or 0x1160 or 0x3164 or 0xFFA0)
        {
            return ""; // default-ignorable: combining grapheme joiner, variation selectors, Hangul fillers
        }

        if (cp is >= 0xFF01 and <= 0xFF5E)
        {
            return ((char)(cp - 0xFEE0)).ToString().ToLowerInvariant(); // fullwidth ASCII
        }

        if (cp is >= 0x1D400 and <= 0x1D6A3)
        {
            var n = (cp - 0x1D400) % 52; // mathematical alphanumeric letters: 13 alphabets of A-Z a-z
            return ((char)('a' + n % 26)).ToString();
        }

        if (cp is >= 0x1D7CE and <= 0x1D7FF)
        {
            return ((char)('0' + (cp - 0x1D7CE) % 10)).ToString();
        }

        if (cp is >= 0x24B6 and <= 0x24E9)
        {
            return ((char)('a' + (cp - 0x24B6) % 26)).ToString(); // circled letters
        }

        if (cp is >= 0x249C and <= 0x24B5)
        {
            return ((char)('a' + (cp - 0x249C))).ToString(); // parenthesized letters
        }

        if (cp is >= 0xC0 and <= 0xFF)
        {
            var latin = Latin1[cp - 0xC0];
            return latin == '.' ? ((char)cp).ToString().ToLowerInvariant() : latin.ToString();
        }

        return cp switch
        {
            0xFB00 => "ff",
            0xFB01 => "fi",
            0xFB02 => "fl",
            0xFB03 => "ffi",
            0xFB04 => "ffl",
            0xFB05 or 0xFB06 => "st",
            _ => Confusables.TryGetValue(cp, out var ascii) ? ascii.ToString()
                : cp <= 0xFFFF ? ((char)cp).ToString().ToLowerInvariant() : char.ConvertFromUtf32(cp),
        };
    }

    // U+00C0-U+00FF with accents removed; '.' keeps the character (×, ÷, Ð, Þ, ß, ð, þ).
    private const string Latin1 = "aaaaaaaceeeeiiii.nooooo.ouuuuy..aaaaaaaceeeeiiii.nooooo.ouuuuy.y";

    private static readonly Dictionary<int, char> Confusables = Build(
        // Cyrillic
        ("аАӓ", 'a'), ("вВ", 'b'), ("сСϲϹ", 'c'), ("ԁ", 'd'), ("еЕёЁ", 'e'), ("һҺ", 'h'), ("іІїЇӀı", 'i'), ("ӏǀ", 'l'), ("јЈϳ", 'j'),
        ("кКκΚ", 'k'), ("мМΜ", 'm'), ("нН", 'h'), ("оОοΟօ", 'o'), ("рРρΡ", 'p'), ("ԛ", 'q'), ("ѕЅ", 's'), ("тТτΤ", 't'),
        ("уУүҮΥ", 'y'), ("хХχΧ", 'x'), ("ԝ", 'w'),
        // Greek capitals and small letters that read as Latin
        ("αΑ", 'a'), ("Β", 'b'), ("Ε", 'e'), ("Ζ", 'z'), ("Η", 'h'), ("ιΙ", 'i'), ("Ν", 'n'), ("ν", 'v'), ("υս", 'u'),
        // Latin small capitals and other letter look-alikes
        ("ᴀ", 'a'), ("ʙ", 'b'), ("ᴄ", 'c'), ("ᴅ", 'd'), ("ᴇ", 'e'), ("ɢɡ", 'g'), ("ʜ", 'h'), ("ɪ", 'i'), ("ᴊ", 'j'), ("ᴋ", 'k'),
        ("ʟℓ", 'l'), ("ᴍ", 'm'), ("ɴ", 'n'), ("ᴏ", 'o'), ("ᴘ", 'p'), ("ʀ", 'r'), ("ꜱ", 's'), ("ᴛ", 't'), ("ᴜ", 'u'), ("ᴠ", 'v'),
        ("ᴡ", 'w'), ("ʏ", 'y'), ("ᴢ", 'z'),
        // Punctuation that reads as the fence's and chat templates' delimiters
        ("\u2039\u276E\u27E8\u2329\u3008\u02C2\u1438\uFE64", '<'), ("\u203A\u276F\u27E9\u232A\u3009\u02C3\u1433\uFE65", '>'), ("∕⁄⧸╱", '/'), ("‐‑‒–—―−﹣", '-'), ("‗", '_'), ("∣│￨", '|'),
        ("［⟦", '['), ("］⟧", ']'));

    private static Dictionary<int, char> Build(params (string From, char To)[] groups)
    {
        var map = new Dictionary<int, char>();
        foreach (var (chars, ascii) in groups)
        {
            foreach (var c in chars)
            {
                map[c] = ascii;
            }
        }

        return map;
    }
}
