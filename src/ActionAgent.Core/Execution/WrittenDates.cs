using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Core.Execution;

/// <summary>
/// A date written in words ("May 20, 2010", "2 March 2025") for a plain text field that only takes digits, as date
/// pickers' fields do: the same date the way the field writes dates — its placeholder's pattern ("dd.mm.yyyy"), else
/// the common mm/dd/yyyy.
/// </summary>
public static partial class WrittenDates
{
    private static readonly string[] WordFormats =
        ["MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "d MMMM, yyyy", "MMMM dd, yyyy", "dddd, MMMM d, yyyy"];

    /// <summary>True when <paramref name="text"/> is a date with its month in words.</summary>
    public static bool IsInWords(string text, out DateTime date) =>
        DateTime.TryParseExact(DayOf().Replace(Ordinals().Replace(text.Trim(), "$1"), "$1 "), WordFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);

    /// <summary>The date in the field's pattern: its placeholder when that reads as one (mm/dd/yyyy, yyyy-mm-dd, …), else MM/dd/yyyy.</summary>
    public static string Format(DateTime date, string? placeholder)
    {
        var pattern = "MM/dd/yyyy";
        if (placeholder is { } p && Pattern().Match(p.Trim()) is { Success: true })
        {
            pattern = p.Trim().ToLowerInvariant().Replace("m", "M", StringComparison.Ordinal);
        }

        return date.ToString(pattern, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?:[dmy]{1,4}[./-]){2}[dmy]{1,4}$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    // "31 of March 2027" (after "31st"): the day, then the month.
    [GeneratedRegex(@"^(\d{1,2})\s+of\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DayOf();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinals();
}
