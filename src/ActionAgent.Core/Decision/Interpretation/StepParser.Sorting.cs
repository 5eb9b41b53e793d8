using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>"Sort the first table by Price, cheapest first", "order the rows by Version, lowest first", "re-sort it by Name A to Z".</summary>
internal static partial class StepParser
{
    // A clause that starts a step though its first word is no verb of the list ("make it bold", "sort the rows by …").
    private static bool StartsSpecial(string text)
    {
        var t = StripTrailingPeriod(StripLeadingFillers(text.Trim().TrimStart(',', ' ')));
        return StartsEditing(t) || SortBy().IsMatch(t) || SortSo().IsMatch(t) && (Youngest().IsMatch(t) || Oldest().IsMatch(t)) || ToStep().IsMatch(t) || OneStepBack().IsMatch(t) || EndUpOn().IsMatch(t) || ToNthTab().IsMatch(t)
            || ParseDialogAnswer(t, t, null) is not null || CommitClause().IsMatch(t) || PageEnd().IsMatch(t) || PageNumber().IsMatch(t) || StartsRating(t) || ParseTakeEntry(t, t) is not null || StartsBringTo(t)
            || KeepingAsIs().IsMatch(t) || EndsAsItStarted().IsMatch(t);
    }

    private static InterpretedStep? ParseSort(string text, string display, ClauseText q)
    {
        var m = SortBy().Match(text);
        string? column = null;
        if (m.Success)
        {
            // The column is the words after "by" up to the first word that says the direction or how.
            column = ColumnEnd().Split(m.Groups["rest"].Value, 2)[0].Trim().TrimEnd(',', ' ');
            column = ColumnWord().Replace(column, "").Trim();
            if (column.Length == 0)
            {
                return null;
            }
        }
        else if ((m = SortSo().Match(text)).Success && (Youngest().IsMatch(text) || Oldest().IsMatch(text)))
        {
            // "Sort it so the youngest player is on top": no column named; the table's one column of dates or years.
            column = null;
        }
        else
        {
            return null;
        }

        var plain = q.Restore(text, keepQuotes: false);
        var direction = Descending().IsMatch(plain) ? "desc"
            : Ascending().IsMatch(plain) ? "asc"
            : Youngest().IsMatch(plain) ? "young"
            : Oldest().IsMatch(plain) ? "old"
            : null;
        var table = m.Groups["what"].Value.Trim();
        return Step(StepKind.Sort, display, target: column is null ? null : q.Restore(column, true), value: direction) with
        {
            Context = table.Length == 0 || Referent().IsMatch(table) || table is "the rows" or "rows" or "the table" or "the list" ? null : q.Restore(table, false),
        };
    }

    [GeneratedRegex(@"^(?:re-?sort|sort|order|re-?order|arrange)\s+(?:the\s+rows\s+(?:of|in)\s+)?(?<what>.*?)\s*\b(?:by|on(?!\s+(?:the\s+)?(?:top|bottom)\b))\s+(?:the\s+)?(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SortBy();

    [GeneratedRegex(@"^(?:re-?sort|sort|order|re-?order|arrange)\s+(?<what>.*?)\s+so\s+(?:that\s+)?(?<how>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SortSo();

    [GeneratedRegex(@",|\(|\s(?:so|with|from|in|instead|a\s*-?\s*to\s*-?\s*z|z\s*-?\s*to\s*-?\s*a|asc|ascending|desc|descending|highest|lowest|biggest|largest|smallest|cheapest|dearest|most|least|newest|oldest|youngest|latest|earliest|first|last|on\s+top|top|then|and)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnEnd();

    [GeneratedRegex(@"\s+(?:column|header|field)$", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnWord();

    [GeneratedRegex(@"\b(?:desc|descending|z\s*-?\s*to\s*-?\s*a|highest|biggest|largest|most|greatest|dearest|newest|latest|reverse)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Descending();

    [GeneratedRegex(@"\b(?:asc|ascending|a\s*-?\s*to\s*-?\s*z|lowest|smallest|cheapest|least|fewest|earliest|alphabetical(?:ly)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ascending();

    [GeneratedRegex(@"\byoungest\b", RegexOptions.IgnoreCase)]
    private static partial Regex Youngest();

    [GeneratedRegex(@"\boldest\b", RegexOptions.IgnoreCase)]
    private static partial Regex Oldest();
}
