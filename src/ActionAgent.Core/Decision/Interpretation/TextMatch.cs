using System.Globalization;
using System.Text;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Normalisation and similarity for grounding words on what a page shows: case, accents, punctuation and a few
/// everyday synonyms (log in = sign in, postcode = postal code, e-mail = email = email address, phone number = phone) are ignored; exact beats prefix beats
/// token overlap beats edit distance.
/// </summary>
internal static partial class TextMatch
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "to", "of", "for", "and", "or", "by", "with", "me", "my", "i", "is", "it", "this", "that",
        "your", "our", "please", "at", "be",
    };

    // Token sequences that mean the same thing on a web page; the right side is the canonical form.
    private static readonly (string[] From, string To)[] Synonyms =
    [
        // One token each, so "sign up" never fuzzy-matches "sign in".
        (["log", "in"], "signin"), (["login"], "signin"), (["log", "on"], "signin"), (["logon"], "signin"),
        (["sign", "in"], "signin"), (["log", "out"], "signout"), (["logout"], "signout"), (["sign", "out"], "signout"),
        (["log", "off"], "signout"), (["sign", "up"], "signup"), (["e", "mail", "address"], "email"), (["e", "mail"], "email"), (["email", "address"], "email"),
        (["phone", "number"], "phone"), (["telephone", "number"], "phone"), (["telephone"], "phone"), (["zip", "code"], "postal code"), (["zip"], "postal code"),
        (["postcode"], "postal code"), (["post", "code"], "postal code"), (["qty"], "quantity"), (["t", "shirt"], "tshirt"),
    ];

    private static readonly Dictionary<string, (string[] From, string To)[]> SynonymsByFirst =
        Synonyms.GroupBy(x => x.From[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    public static bool IsStopWord(string token) => StopWords.Contains(token);

    private static string? ArrowWord(char c) => c switch
    {
        '▲' or '△' or '▴' or '↑' or '⬆' or '⏶' => "up",
        '▼' or '▽' or '▾' or '↓' or '⬇' or '⏷' => "down",
        '◀' or '◁' or '◂' or '←' or '⬅' => "left",
        '▶' or '▷' or '▸' or '→' or '➡' => "right",
        _ => null,
    };

    /// <summary>Lower case, no accents, punctuation as spaces, single spaces, synonyms folded.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // A button that shows only a plus or a minus sign is called by it: "the + button", "the minus button".
        if (text.Trim() is "+" or "＋")
        {
            return "plus";
        }

        if (text.Trim() is "-" or "−" or "–" or "－")
        {
            return "minus";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in RemoveDiacritics(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is '×' or '✕' or '✖' or '✗' or '⨯')
            {
                sb.Append(" close "); // the glyph a close button shows is its name
            }
            else if (ArrowWord(c) is { } arrow)
            {
                sb.Append(' ').Append(arrow).Append(' '); // ▲ on a spinner's button is its "up"
            }
            else if (c is '\'' or '’')
            {
                // "don't" -> "dont", "customer's" -> "customers": apostrophes join words.
            }
            else if (c == '.' && sb.Length > 0 && char.IsAsciiDigit(sb[^1]))
            {
                sb.Append('.'); // keep 42.00 together; trimmed below when it ends a word
            }
            else
            {
                sb.Append(' ');
            }
        }

        var tokens = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.TrimEnd('.'))
            .Where(t => t.Length > 0)
            .ToList();
        return string.Join(' ', FoldSynonyms(tokens));
    }

    private static List<string> FoldSynonyms(List<string> tokens)
    {
        var result = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            var matched = false;
            foreach (var (from, to) in SynonymsByFirst.GetValueOrDefault(tokens[i], []))
            {
                if (i + from.Length <= tokens.Count && Matches(tokens, i, from))
                {
                    result.Add(to);
                    i += from.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                result.Add(tokens[i]);
                i++;
            }
        }

        // "order no" / "card no." mean number when "no" ends a name of two or more words.
        if (result.Count >= 2 && result[^1] is "no" or "nr" or "num")
        {
            result[^1] = "number";
        }

        return result;
    }

    private static bool Matches(List<string> tokens, int start, string[] from)
    {
        for (var k = 0; k < from.Length; k++)
        {
            if (tokens[start + k] != from[k])
            {
                return false;
            }
        }

        return true;
    }

    private static string RemoveDiacritics(string text)
    {
        if (text.All(char.IsAscii))
        {
            return text;
        }

        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormD);
        }
        catch (PlatformNotSupportedException)
        {
            return text;
        }

        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                // With invariant globalization the text may come back composed: the common Latin letters by hand.
                var plain = c > 127 ? Accented.IndexOf(c, StringComparison.Ordinal) : -1;
                sb.Append(plain >= 0 ? Unaccented[plain] : c);
            }
        }

        return sb.ToString();
    }

    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ";
    private const string Unaccented = "aaaaaaceeeeiiiinoooooouuuuyyAAAAAACEEEEIIIINOOOOOOUUUUY";

    /// <summary>How alike two single words are, 0..1. Numbers must be equal: 1042 is not 1043.</summary>
    public static double TokenSimilarity(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }

        if (a.Any(char.IsAsciiDigit) || b.Any(char.IsAsciiDigit))
        {
            return 0;
        }

        var min = Math.Min(a.Length, b.Length);
        if (min >= 3 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)))
        {
            return 0.85;
        }

        if (min >= 4)
        {
            var d = EditDistance(a, b, 2);
            if (d <= 1)
            {
                return 0.8;
            }

            if (min >= 7 && d <= 2)
            {
                return 0.7;
            }
        }

        return 0;
    }

    /// <summary>
    /// How well a query names a label, 0..1: exact 1, same words 0.97, word prefix 0.85-0.95, token overlap up to 0.9,
    /// close spelling up to 0.9. Query words the label lacks may be found in <paramref name="context"/> (the element's
    /// group heading, row or nearby text) for part of their weight.
    /// </summary>
    public static double Similarity(Phrase query, Phrase label, IReadOnlyCollection<string>? context = null)
    {
        if (query.IsEmpty || label.IsEmpty)
        {
            return 0;
        }

        if (query.Norm == label.Norm)
        {
            return 1;
        }

        if (query.ContentJoined == label.ContentJoined || query.NoSpace == label.NoSpace)
        {
            return 0.97;
        }

        // "87: not clicked" is never "0: not clicked": a number the query names must be one the label shows.
        if (query.Digits.Length > 0 && label.Digits.Length > 0 && !NumbersAgree(query, label))
        {
            return 0;
        }

        // "Delete customer Grace Hopper" is never the "Delete customer" button of nobody in particular: a name the query
        // spells (two or more capitalised words in a row) must show, at least in part, in the label or around it.
        if (MissesAName(query, label, context) || MissesQuoted(query, label, context))
        {
            return 0;
        }

        double best = 0;
        if (label.Norm.StartsWith(query.Norm + " ", StringComparison.Ordinal))
        {
            best = 0.85 + (0.1 * query.Norm.Length / label.Norm.Length);
        }

        best = Math.Max(best, TokenOverlap(query, label, context));

        var longest = Math.Max(query.Norm.Length, label.Norm.Length);
        if (query.Digits == label.Digits && Math.Min(query.Norm.Length, label.Norm.Length) >= 4)
        {
            // Only distances up to a quarter of the length can reach the 0.75 ratio below.
            var ratio = 1 - ((double)EditDistance(query.Norm, label.Norm, longest / 4) / longest);
            if (ratio >= 0.75)
            {
                best = Math.Max(best, 0.9 * ratio);
            }
        }

        return best;
    }

    // "the box in front of "can check 1-2-1"": words in quotes name the target exactly; a label (with what is around it)
    // that lacks one of them is no match, however many other words it shares ("check" in a help text beside a setting).
    private static bool MissesQuoted(Phrase query, Phrase label, IReadOnlyCollection<string>? context) =>
        query.Raw.Contains('"', StringComparison.Ordinal) && LacksQuoted(query, context is null ? label.Tokens : [.. label.Tokens, .. context]);

    private static bool MissesAName(Phrase query, Phrase label, IReadOnlyCollection<string>? context)
    {
        var words = query.Raw.Split([' ', ',', ';', ':', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        var run = new List<string>();
        for (var i = 1; i <= words.Length; i++)
        {
            var w = i < words.Length ? words[i].Trim('.', '!', '?') : "";
            if (w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower) && w.All(char.IsLetter))
            {
                run.Add(Normalize(w));
                continue;
            }

            if (run.Count >= 2 && !run.Any(t => label.Tokens.Contains(t) || (context?.Contains(t) ?? false)))
            {
                return true;
            }

            run.Clear();
        }

        return false;
    }

    private static double TokenOverlap(Phrase query, Phrase label, IReadOnlyCollection<string>? context)
    {
        var q = query.Content;
        var l = label.Content;
        double matchedQ = 0;
        foreach (var t in q)
        {
            var w = l.Max(x => TokenSimilarity(t, x));
            if (w < 0.5 && context is { Count: > 0 })
            {
                w = Math.Max(w, 0.8 * context.Max(c => TokenSimilarity(t, c)));
            }

            matchedQ += w;
        }

        double matchedL = 0;
        foreach (var x in l)
        {
            matchedL += q.Max(t => TokenSimilarity(x, t));
        }

        var covQ = matchedQ / q.Length;
        var covL = matchedL / l.Length;
        return 0.9 * covQ * (0.55 + (0.45 * covL));
    }

    private static bool NumbersAgree(Phrase query, Phrase label)
    {
        // Numbers in their order, each as often as it is written: "node-0-1-1" is never "node-0-1", nor "node-1-0".
        var shown = label.Tokens.Where(IsNumber).ToList();
        if (shown.Count > 0 && !InOrder(query.Tokens.Where(IsNumber).ToList(), shown))
        {
            return false;
        }

        // "Archive Q3 invoices" is never "Archive Q2 invoices", nor "Model X200" the "Model X100": a word that mixes letters
        // and digits is a code, and a label that shows codes must show the query's.
        var codes = label.Tokens.Where(IsCode).ToHashSet(StringComparer.Ordinal);
        return codes.Count == 0 || query.Tokens.Where(IsCode).All(codes.Contains);
    }

    // Every one of the wanted, in the same order, among the shown (others may come between).
    private static bool InOrder(List<string> wanted, List<string> shown)
    {
        var at = 0;
        foreach (var w in wanted)
        {
            while (at < shown.Count && !string.Equals(shown[at], w, StringComparison.Ordinal))
            {
                at++;
            }

            if (at == shown.Count)
            {
                return false;
            }

            at++;
        }

        return true;
    }

    private static bool IsNumber(string token) => token.Length > 0 && token.All(c => char.IsAsciiDigit(c) || c == '.');

    // A letter-and-digit word that is no ordinal ("3rd", "21st"): q3, x200, v2, 4k.
    private static bool IsCode(string token) =>
        token.Any(char.IsAsciiDigit) && token.Any(char.IsLetter) && !Ordinal().IsMatch(token);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+(st|nd|rd|th)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Ordinal();

    /// <summary>Share of the query's content words found among the given words (fuzzy), 0..1.</summary>
    public static double Coverage(Phrase query, IReadOnlyCollection<string> words)
    {
        if (query.IsEmpty || words.Count == 0)
        {
            return 0;
        }

        return query.Content.Sum(t => words.Max(w => TokenSimilarity(t, w))) / query.Content.Length;
    }

    /// <summary>
    /// Whether <paramref name="words"/> lack a word the query puts in quotes: a place named in quotes ("the box in front of
    /// "can check 1-2-1"") is where an element sits only when all its words are around it.
    /// </summary>
    public static bool LacksQuoted(Phrase query, IReadOnlyCollection<string> words) =>
        query.Raw.Contains('"', StringComparison.Ordinal)
        && QuotedWords().Matches(query.Raw).Any(m => Phrase.Of(m.Groups[1].Value).Tokens.Any(t => !words.Contains(t)));

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int EditDistance(string a, string b) => EditDistance(a, b, int.MaxValue - 1);

    /// <summary>The distance when it is at most <paramref name="max"/>, otherwise any value above it (cheap early exit).</summary>
    public static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var width = b.Length + 1;
        Span<int> buffer = width * 3 <= 384 ? stackalloc int[width * 3] : new int[width * 3];
        var twoBack = buffer[..width];
        var previous = buffer.Slice(width, width);
        var current = buffer.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, twoBack[j - 2] + 1);
                }

                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            // Rotate rows: two-back <- previous <- current.
            var spare = twoBack;
            twoBack = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex QuotedWords();
}
