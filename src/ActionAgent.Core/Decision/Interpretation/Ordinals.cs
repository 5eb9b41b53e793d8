using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Counting words read one way everywhere: "first" / "1st" … "tenth" / "10th", any digits with st, nd, rd or th ("23rd"),
/// and, for step numbers, "one" … "ten" or plain digits. Each caller keeps its own extra words ("last", "top", "left")
/// and its own limit; the words and their numbers live only here.
/// </summary>
internal static partial class Ordinals
{
    private static readonly string[] Words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    private static readonly string[] Cardinals = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>The position an ordinal names (1 for "first" or "1st"), or null when the word is none.</summary>
    public static int? Of(string word)
    {
        var w = word.Trim().ToLowerInvariant();
        var i = Array.IndexOf(Words, w);
        if (i >= 0)
        {
            return i + 1;
        }

        return Suffixed().Match(w) is { Success: true } m && int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }

    /// <summary>The position an ordinal names among <paramref name="count"/> things, "last" being the count; null when the word is none.</summary>
    public static int? Position(string word, int count) => word.Trim().Equals("last", StringComparison.OrdinalIgnoreCase) ? count : Of(word);

    /// <summary>An ordinal, a number word ("three") or plain digits ("3"), as a step's number; null when none.</summary>
    public static int? Number(string word)
    {
        if (Of(word) is { } n)
        {
            return n;
        }

        var w = word.Trim().ToLowerInvariant();
        var i = Array.IndexOf(Cardinals, w);
        if (i >= 0)
        {
            return i + 1;
        }

        return w.Length is > 0 and < 6 && w.All(char.IsAsciiDigit) && int.Parse(w, CultureInfo.InvariantCulture) is > 0 and var d ? d : null;
    }

    [GeneratedRegex(@"^(?<n>\d{1,4})(?:st|nd|rd|th)$")]
    private static partial Regex Suffixed();
}
