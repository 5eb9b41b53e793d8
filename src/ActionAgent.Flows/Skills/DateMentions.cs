using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Finds dates in a task and writes them as yyyy-MM-dd: <c>2025-01-15</c>, <c>2025/01/15</c>, <c>01/15/2025</c>
/// (month first), <c>Jan 15 2025</c>, <c>March 22, 2025</c>, <c>15 January 2025</c>, <c>5th of April 2025</c>.
/// Only dates with a year: "the 5th" alone is too vague to fill a form with.
/// </summary>
public static partial class DateMentions
{
    private const string Month = @"(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    [GeneratedRegex(@"\b(?<y>\d{4})[-/](?<mo>\d{1,2})[-/](?<d>\d{1,2})\b")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"\b(?<mo>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4})\b")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @",?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b" + Month + @"\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    /// <summary>The dates in <paramref name="text"/>, in order of position; impossible dates (2025-02-30) are left out.</summary>
    public static IReadOnlyList<ValueMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<ValueMention>();
        foreach (var regex in new[] { YearFirst(), MonthFirst(), DayMonthYear(), MonthDayYear() })
        {
            foreach (Match m in regex.Matches(text))
            {
                var month = m.Groups["mo"].Success ? int.Parse(m.Groups["mo"].Value, CultureInfo.InvariantCulture) : MonthNumber(m.Groups["m"].Value);
                var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || found.Any(f => m.Index < f.End && f.Start < m.Index + m.Length))
                {
                    continue;
                }

                found.Add(new ValueMention(new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Index, m.Length, IsCertain: true));
            }
        }

        return found.OrderBy(f => f.Start).ToList();
    }

    private static int MonthNumber(string name) =>
        Array.FindIndex(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], m => name.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;
}
