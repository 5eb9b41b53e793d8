using System.Text;

namespace ActionAgent.Flows;

/// <summary>Deterministic text comparison used by expectations, the action cache and replay (no model).</summary>
internal static class TextSimilarity
{
    /// <summary>Lower case, punctuation to spaces, whitespace collapsed: "Order number *:" → "order number".</summary>
    public static string NormalizeLabel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Lower case with whitespace collapsed; punctuation kept ("42.00" stays "42.00").</summary>
    public static string NormalizeText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(char.ToLowerInvariant(c));
            space = false;
        }

        return sb.ToString();
    }

    /// <summary>1 − Levenshtein distance / longer length, on the strings as given.</summary>
    public static double Ratio(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        var max = Math.Max(a.Length, b.Length);
        return 1 - (double)Levenshtein(a, b) / max;
    }

    /// <summary>
    /// How well <paramref name="candidate"/> matches the label a person wrote, 0..1: 1 for the same words,
    /// 0.9 when one starts with the other at a word boundary, 0.8 when one contains the other as words, the edit
    /// ratio for near spellings (≥ 0.8), otherwise 0. Deliberately strict: different words are not a match.
    /// </summary>
    public static double LabelScore(string query, string? candidate)
    {
        var q = NormalizeLabel(query);
        var c = NormalizeLabel(candidate);
        if (q.Length == 0 || c.Length == 0)
        {
            return 0;
        }

        if (q == c)
        {
            return 1;
        }

        if (c.StartsWith(q + " ", StringComparison.Ordinal) || q.StartsWith(c + " ", StringComparison.Ordinal))
        {
            return 0.9;
        }

        if ($" {c} ".Contains($" {q} ", StringComparison.Ordinal) || $" {q} ".Contains($" {c} ", StringComparison.Ordinal))
        {
            return 0.8;
        }

        var ratio = Ratio(q, c);
        return ratio >= 0.8 ? ratio * 0.9 : 0;
    }

    /// <summary>Levenshtein edit distance.</summary>
    public static int Levenshtein(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Strips one pair of matching surrounding quotes and trims.</summary>
    public static string Unquote(string text)
    {
        var t = text.Trim();
        if (t.Length >= 2 && ((t[0] == '"' && t[^1] == '"') || (t[0] == '\'' && t[^1] == '\'') || (t[0] == '“' && t[^1] == '”')))
        {
            return t[1..^1].Trim();
        }

        return t;
    }

    /// <summary>Shortens text for messages: "first 80 chars…".</summary>
    public static string Clip(string? text, int max = 120)
    {
        var t = (text ?? "").ReplaceLineEndings(" ").Trim();
        return t.Length <= max ? t : t[..max] + "…";
    }
}
