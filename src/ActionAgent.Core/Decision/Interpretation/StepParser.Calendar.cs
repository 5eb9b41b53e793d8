using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Execution;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Steps about a date picker's calendar: "go to March 2015", "go one month forward", "pick 3 June 2019 in the calendar",
/// "click the 14th", "pick the third Friday of that month". A date typed into a named field stays a Type/Set step.
/// </summary>
internal static partial class StepParser
{
    private static readonly string[] Ordinal = ["first", "second", "third", "fourth", "fifth"];

    private static IEnumerable<InterpretedStep>? ParseCalendar(string text, string display, ClauseText q)
    {
        var plain = q.Restore(text, keepQuotes: false).Trim();
        if (OpenCalendar().Match(text) is { Success: true } open)
        {
            // "Open its calendar", "open the Date calendar (the one with week numbers)": the date field opens it.
            // "its calendar" belongs to what was named before (the step before, or the field a description named).
            var field = open.Groups["f"].Success && !Referent().IsMatch(open.Groups["f"].Value.Trim()) ? q.Restore(open.Groups["f"].Value.Trim(), true)
                : open.Groups["its"].Success ? "it" : "date";
            return [Step(StepKind.Click, display, target: field) with { Role = RoleHint.Field }];
        }
        if (RelativeMonth().Match(plain) is { Success: true } rel && CalendarMotion().IsMatch(plain) && !WithControl().IsMatch(text))
        {
            // "Move it forward to next month", "go back two months": the calendar's next/previous control, once per month.
            var n = rel.Groups["n"].Success ? Count(rel.Groups["n"].Value) : 1;
            var back = (rel.Groups["dir"].Value + rel.Groups["dir2"].Value).ToLowerInvariant() is "back" or "backward" or "backwards" or "earlier" or "previous" or "last" or "prior";
            return Enumerable.Range(1, n).Select(k => Step(StepKind.ShowMonth, n == 1 ? display : $"{display} ({k} of {n})", value: back ? "-1" : "+1")).ToList();
        }

        if (ToMonth().Match(plain) is { Success: true } to && CalendarMotion().IsMatch(plain) && CalendarView.MonthOf(to.Groups["m"].Value) is { } month)
        {
            return [Step(StepKind.ShowMonth, display, value: $"{to.Groups["y"].Value}-{month:00}")];
        }

        if (PickDate().Match(plain) is { Success: true } pick && (!pick.Groups["where"].Success || CalendarWords().IsMatch(pick.Groups["where"].Value))
            && ReadDate(pick.Groups["date"].Value) is { } date)
        {
            // "pick 1 January 2020 in the calendar that opens": its month first, then the day.
            return
            [
                Step(StepKind.ShowMonth, $"go to {date:MMMM yyyy} in the calendar", value: date.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
                Step(StepKind.PickDay, display, target: date.Day.ToString(CultureInfo.InvariantCulture), value: date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ];
        }

        if (PickWeekday().Match(plain) is { Success: true } weekday)
        {
            var nth = Array.IndexOf(Ordinal, weekday.Groups["n"].Value.ToLowerInvariant()) + 1;
            nth = nth > 0 ? nth : int.Parse(weekday.Groups["n"].Value[..1], CultureInfo.InvariantCulture);
            return [Step(StepKind.PickDay, display, value: $"{nth} {weekday.Groups["dow"].Value}")];
        }

        if (PickDayOfMonth().Match(plain) is { Success: true } day && (day.Groups["sfx"].Success || day.Groups["dayword"].Success || day.Groups["month"].Success))
        {
            // "click the 14th", "pick the 12th of the month the calendar opens on": a day of the month shown.
            return [Step(StepKind.PickDay, display, target: day.Groups["d"].Value, value: day.Groups["d"].Value)];
        }

        return null;
    }

    // A typed value that is a date: in words, ISO, or d/m/y (day first when the task says so or the first number is over
    // 12; else m/d/y, as WrittenDates writes them).
    // "mm/dd/yyyy", "DD.MM.YYYY", "yyyy-mm-dd" in the words of a task or a field's placeholder, as a .NET date format.
    internal static string? DatePatternOf(string? text)
    {
        var m = text is null ? Match.Empty : DatePattern().Match(text);
        return m.Success
            ? m.Value.ToLowerInvariant().Replace("mm", "MM", StringComparison.Ordinal)
            : null;
    }

    /// <summary>Whether a typed value is a date a date input can take ("12 March 1991", "1991-03-12", "3/12/1991").</summary>
    internal static bool ReadsAsDate(string value) => ReadTypedDate(value, dayFirst: false) is not null;

    private static DateTime? ReadTypedDate(string value, bool dayFirst)
    {
        if (ReadDate(value) is { } d)
        {
            return d;
        }

        if (NumericDate().Match(value.Trim()) is not { Success: true } m)
        {
            return null;
        }

        var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var (day, month) = dayFirst || a > 12 ? (a, b) : (b, a);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, month) ? new DateTime(y, month, day) : null;
    }

    private static DateTime? ReadDate(string text)
    {
        var t = text.Trim().TrimEnd('.');
        if (WrittenDates.IsInWords(t, out var d) || DateTime.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
        {
            return d;
        }

        // "Christmas Day 2018 (25 December 2018)": the date in brackets.
        return BracketDate().Match(t) is { Success: true } b && WrittenDates.IsInWords(b.Groups["d"].Value, out d) ? d : null;
    }

    private static int Count(string n) => n.ToLowerInvariant() switch
    {
        "a" or "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        var digits => int.TryParse(digits, CultureInfo.InvariantCulture, out var k) ? Math.Clamp(k, 1, 24) : 1,
    };

    [GeneratedRegex(@"^(?:open|show|bring up|pop up|pull up)\s+(?:(?:(?<its>its|their)|the)\s+(?:calendar|date ?picker|picker)(?:\s+(?:of|for|beside|next to)\s+(?<f>.+?))?|(?:the\s+)?(?<f>.+?)\s+(?:calendar|date ?picker))(?:\s*\([^)]*\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex OpenCalendar();

    [GeneratedRegex(@"^(?:go|get|navigate|move|page|flip|jump|browse|head|use|switch|turn|scroll|bring|step|click|press)\b|\bcalendar\b", RegexOptions.IgnoreCase)]
    private static partial Regex CalendarMotion();

    [GeneratedRegex(@"\b(?:(?<n>a|one|two|three|four|five|six|\d{1,2})\s+months?\s+(?<dir>forward|forwards|ahead|on|later|back|backward|backwards|earlier)|(?<dir>forward|forwards|ahead|back|backward|backwards)\s+(?:by\s+)?(?<n>a|one|two|three|four|five|six|\d{1,2})\s+months?|(?:(?<dir>forward|forwards|ahead|on|back|backward)\s+)?to\s+(?:the\s+)?(?<dir2>next|previous|last|following|prior)\s+month)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeMonth();

    [GeneratedRegex(@"\b(?:to|until\b.*?\b(?:shows|reads|is))\s+(?<m>[A-Za-z]{3,9})\.?,?\s+(?<y>(?:19|20|21)\d\d)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ToMonth();

    [GeneratedRegex(@"^(?:pick|choose|select|click(?:\s+on)?|tap|take)\s+(?:the\s+)?(?:date\s+)?(?<date>.+?\d{4}(?:\s*\([^)]*\))?)(?:\s+(?:in|on|from)\s+(?<where>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PickDate();

    [GeneratedRegex(@"\b(?:calendar|date ?picker|picker|month view)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CalendarWords();

    [GeneratedRegex(@"\((?<d>[^)]*\d{4})\)")]
    private static partial Regex BracketDate();

    [GeneratedRegex(@"^(?:pick|choose|select|click(?:\s+on)?|tap)\s+(?:the\s+)?(?<n>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?<dow>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:of|in)\s+(?:the|that|this)\s+month\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex PickWeekday();

    [GeneratedRegex(@"^(?:pick|choose|select|click(?:\s+on)?|tap|press)\s+(?:the\s+)?(?<dayword>day\s+)?(?<d>[1-9]|[12]\d|3[01])(?<sfx>st|nd|rd|th)?(?:\s+(?<month>of\s+(?:the|that|this)\s+month\b.*|(?:in|on)\s+(?:the|that|this)\s+(?:calendar|date ?picker|picker)\b.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PickDayOfMonth();

    [GeneratedRegex(@"^(?<a>\d{1,2})[./-](?<b>\d{1,2})[./-](?<y>\d{4})$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\(\s*day\s+first|\bday[- ]first\b|\bdd[./-]mm\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"\b(?:(?:mm|dd)[/.-](?:mm|dd)[/.-](?:yyyy|yy)|yyyy[/.-](?:mm[/.-]dd|dd[/.-]mm))\b", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@",?\s*\b(?:day|month|year)\s+first\b(?:\s*,?\s*then\s+(?:the\s+)?(?:day|month|year))?", RegexOptions.IgnoreCase)]
    private static partial Regex OrderAside();

    [GeneratedRegex(@"^the\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingThe();
}
