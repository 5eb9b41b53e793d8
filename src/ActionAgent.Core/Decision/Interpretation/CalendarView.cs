using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// A date picker's calendar as the page shows it, read from the elements alone (no library is assumed): the months it
/// shows (a "March 2015" title, a month and a year side by side, or month and year drop-downs with the label the page
/// draws over them), the day cells of each month (a run 1, 2, … 28–31 in page order; days of the months around it and
/// week numbers are skipped), and the controls that page it (previous/next, month and year drop-downs).
/// </summary>
internal sealed partial class CalendarView
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];
    private static readonly string[] MonthAbbreviations = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[..12];

    private CalendarView(IReadOnlyList<ShownMonth> months, PageItem? previous, PageItem? next, PageItem? monthSelect, PageItem? yearSelect)
    {
        Months = months;
        Previous = previous;
        Next = next;
        MonthSelect = monthSelect;
        YearSelect = yearSelect;
    }

    /// <summary>The months shown, in page order; the first is the one the calendar is "on".</summary>
    public IReadOnlyList<ShownMonth> Months { get; }

    public PageItem? Previous { get; }

    public PageItem? Next { get; }

    public PageItem? MonthSelect { get; }

    public PageItem? YearSelect { get; }

    public ShownMonth First => Months[0];

    /// <summary>One month on the page: its year and month, and its day cells (index 0 is day 1).</summary>
    public sealed record ShownMonth(int Year, int Month, IReadOnlyList<PageItem> Days)
    {
        public int Index => Year * 12 + Month - 1;

        public override string ToString() => $"{MonthNames[Month - 1]} {Year}";
    }

    /// <summary>The calendar on the page, or null when none is shown (no month title next to a run of day cells).</summary>
    public static CalendarView? Read(PageIndex page)
    {
        var shown = page.Items.Where(i => !i.IsHidden && !i.Element.IsOffscreen).ToList();
        var runs = DayRuns(shown.Where(i => i.IsInteractive).ToList());
        if (runs.Count == 0)
        {
            runs = DayRuns(shown);
        }

        var titles = Titles(shown);
        if (runs.Count > 0 && titles.Count == 0 && YearOfLayout(shown, runs[0]) is { } inferred)
        {
            titles = [inferred];
        }

        if (runs.Count == 0 || titles.Count == 0)
        {
            return null;
        }

        var months = new List<ShownMonth>();
        for (var k = 0; k < runs.Count && k < titles.Count; k++)
        {
            var (year, month, _) = titles[k];
            if (DateTime.DaysInMonth(year, month) < runs[k].Count)
            {
                continue;
            }

            months.Add(new ShownMonth(year, month, runs[k]));
        }

        if (months.Count == 0)
        {
            return null;
        }

        var anchor = titles[0].Where.Element.Bounds;
        var last = titles[Math.Min(titles.Count, months.Count) - 1].Where.Element.Bounds;
        var controls = shown.Where(i => i.IsInteractive && !i.Element.Disabled).ToList();
        // A "Prev"/"Next" drawn as a span in a script-handled link is clicked all the same; a real control comes first.
        var paging = shown.Where(i => !i.Element.Disabled).OrderBy(i => i.IsInteractive ? 0 : 1).ToList();
        // A textless arrow says its way by its icon ("…-nav-left", "chevron-right").
        var previous = Nearest(paging.Where(i => PreviousName().IsMatch(i.Display.Trim()) || Arrow(i, PreviousIcon())), anchor);
        var next = Nearest(paging.Where(i => NextName().IsMatch(i.Display.Trim()) || Arrow(i, NextIcon())), last);
        var monthSelect = Nearest(controls.Where(i => i.IsSelectable && i.Element.Options.Count(o => MonthOf(o) is not null) >= 12), anchor);
        var yearSelect = Nearest(controls.Where(i => i.IsSelectable && i.Element.Options.Count > 1 && i.Element.Options.All(o => YearOf(o) is not null)), anchor);
        return new CalendarView(months, previous, next, monthSelect, yearSelect);
    }

    /// <summary>How many months the page draws, in view or not (several calendars on one page): titles or runs of days.</summary>
    public static int MonthCount(PageIndex page)
    {
        var all = page.Items.Where(i => !i.IsHidden).ToList();
        return Math.Max(Titles(all).Count, DayRuns(all).Count);
    }

    // A calendar whose title says the month and not the year ("December" over S M T W T F S and a run of days): the year
    // is the one nearest this year in which that month's 1st falls on the weekday of the column it sits in. Without a row
    // of weekday names to tell the columns by, nothing is assumed.
    private static (int Year, int Month, PageItem Where)? YearOfLayout(List<PageItem> shown, List<PageItem> days)
    {
        var first = days[0].Element.Bounds;
        var title = shown.Where(i => i.Element.Bounds.Bottom <= first.Y && MonthOf(i.Display.Trim()) is not null && first.Y - i.Element.Bounds.Bottom <= 160)
            .OrderBy(i => first.Y - i.Element.Bounds.Bottom).FirstOrDefault();
        if (title is null)
        {
            return null;
        }

        var header = shown.Where(i => i.Element.Bounds.Bottom <= first.Y + 2 && first.Y - i.Element.Bounds.Y <= 160 && WeekdayLetter(i.Display) is not null)
            .GroupBy(i => (int)Math.Round(i.Element.Bounds.Center.Y / 6)).Select(g => g.OrderBy(i => i.Element.Bounds.X).ToList())
            .FirstOrDefault(row => row.Count == 7);
        if (header is null)
        {
            return null;
        }

        // The week starts on Sunday ("S M T …") or Monday ("M T W …").
        var start = WeekdayLetter(header[0].Display) == 'S' && WeekdayLetter(header[1].Display) == 'M' ? DayOfWeek.Sunday
            : WeekdayLetter(header[0].Display) == 'M' && WeekdayLetter(header[1].Display) == 'T' ? DayOfWeek.Monday : (DayOfWeek?)null;
        if (start is null)
        {
            return null;
        }

        var column = header.Select((h, k) => (k, d: Math.Abs(h.Element.Bounds.Center.X - first.Center.X))).MinBy(p => p.d).k;
        var weekday = (DayOfWeek)(((int)start + column) % 7);
        var month = MonthOf(title.Display.Trim())!.Value;
        var now = DateTime.Today.Year;
        var year = Enumerable.Range(now - 6, 13).Where(y => new DateTime(y, month, 1).DayOfWeek == weekday).OrderBy(y => Math.Abs(y - now)).ThenByDescending(y => y)
            .Select(y => (int?)y).FirstOrDefault();
        return year is { } found ? (found, month, title) : null;
    }

    // "S", "Mo", "Tue", "Wednesday": the first letter of a weekday's name, or null.
    private static char? WeekdayLetter(string text)
    {
        var t = text.Trim().TrimEnd('.');
        var names = CultureInfo.InvariantCulture.DateTimeFormat.DayNames;
        return t.Length is > 0 and <= 9 && names.Any(n => n.StartsWith(t, StringComparison.OrdinalIgnoreCase)) ? char.ToUpperInvariant(t[0]) : null;
    }

    // A control with no words of its own whose icon points that way.
    private static bool Arrow(PageItem item, Regex way) =>
        item.Element.Name.Trim().Length == 0 && item.Element.Icon is { } icon && way.IsMatch(icon.Trim());

    /// <summary>The month a phrase names ("March", "Mar"), 1–12, or null.</summary>
    public static int? MonthOf(string text)
    {
        var t = text.Trim().TrimEnd('.');
        for (var m = 0; m < 12; m++)
        {
            if (t.Equals(MonthNames[m], StringComparison.OrdinalIgnoreCase) || t.Equals(MonthAbbreviations[m], StringComparison.OrdinalIgnoreCase))
            {
                return m + 1;
            }
        }

        return null;
    }

    public static string MonthName(int month) => MonthNames[month - 1];

    private static int? YearOf(string text) =>
        Year().IsMatch(text.Trim()) ? int.Parse(text.Trim(), CultureInfo.InvariantCulture) : null;

    // Day cells in page order, cut into months: a month starts at a cell reading 1 and goes on 2, 3, …; anything else in
    // between (a week number, a day of the month before) is skipped. Only runs of 28 or more are months.
    private static List<List<PageItem>> DayRuns(List<PageItem> items)
    {
        var runs = new List<List<PageItem>>();
        List<PageItem>? run = null;
        foreach (var item in items.OrderBy(i => i.Order))
        {
            if (DayNumber(item) is not { } day || item.Element.Bounds.Width > 90 || item.Element.Bounds.Height > 70)
            {
                continue;
            }

            if (day == 1)
            {
                run = [item];
                runs.Add(run);
            }
            else if (run is not null && day == run.Count + 1)
            {
                run.Add(item);
            }
        }

        return runs.Where(r => r.Count >= 28).ToList();
    }

    // "7", or written as an ordinal ("7th", "22nd": calendars that say the day as it is read).
    private static int? DayNumber(PageItem item)
    {
        var text = item.Display.Trim();
        if (text.Length is > 2 and <= 4 && (text.EndsWith("st", StringComparison.Ordinal) || text.EndsWith("nd", StringComparison.Ordinal)
            || text.EndsWith("rd", StringComparison.Ordinal) || text.EndsWith("th", StringComparison.Ordinal)))
        {
            text = text[..^2];
        }

        return text.Length is > 0 and <= 2 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var d and >= 1 and <= 31 ? d : null;
    }

    // Month titles in page order: "March 2015" in one element; a month name and a year next to each other; a drop-down's
    // drawn label ("March January February …": the shown value first, then the options) or the drop-down's value.
    private static List<(int Year, int Month, PageItem Where)> Titles(List<PageItem> items)
    {
        var titles = new List<(int Year, int Month, PageItem Where)>();
        var monthParts = new List<(int Month, PageItem Where)>();
        var yearParts = new List<(int Year, PageItem Where)>();
        foreach (var item in items.OrderBy(i => i.Order))
        {
            var text = item.IsSelectable ? item.Element.Value ?? "" : item.Display.Trim();
            if (MonthYear().Match(text) is { Success: true } my && MonthOf(my.Groups["m"].Value) is { } m1)
            {
                titles.Add((int.Parse(my.Groups["y"].Value, CultureInfo.InvariantCulture), m1, item));
                continue;
            }

            var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                continue;
            }

            if (MonthOf(tokens[0]) is { } m2 && (tokens.Length == 1 || tokens.Length >= 12 && tokens.All(t => MonthOf(t) is not null)))
            {
                monthParts.Add((m2, item));
            }
            else if (YearOf(tokens[0]) is { } y && (tokens.Length == 1 || tokens.Length >= 3 && tokens.All(t => YearOf(t) is not null)))
            {
                yearParts.Add((y, item));
            }
        }

        foreach (var (month, where) in monthParts)
        {
            // The year beside the month: on the same line, to its right, not far off; a drawn label before its drop-down.
            var box = where.Element.Bounds;
            var year = yearParts
                .Where(p => Math.Abs(p.Where.Element.Bounds.Center.Y - box.Center.Y) <= 14 && p.Where.Element.Bounds.X >= box.X - 10
                    && p.Where.Element.Bounds.X - box.Right <= 160)
                .OrderBy(p => p.Where.IsSelectable ? 1 : 0).ThenBy(p => p.Where.Element.Bounds.X - box.Right)
                .Select(p => (int?)p.Year).FirstOrDefault();
            if (year is { } y && !titles.Any(t => Math.Abs(t.Where.Element.Bounds.Center.Y - box.Center.Y) <= 14 && Math.Abs(t.Where.Element.Bounds.X - box.X) <= 60))
            {
                titles.Add((y, month, where));
            }
        }

        return titles.OrderBy(t => t.Where.Order).ToList();
    }

    private static PageItem? Nearest(IEnumerable<PageItem> items, Perception.ScreenRect anchor) =>
        items.Where(i => Distance(i.Element.Bounds, anchor) < 400).OrderBy(i => i.IsInteractive ? 0 : 1).ThenBy(i => Distance(i.Element.Bounds, anchor)).FirstOrDefault();

    private static double Distance(Perception.ScreenRect a, Perception.ScreenRect b) =>
        Math.Abs(a.Center.X - b.Center.X) + 2 * Math.Abs(a.Center.Y - b.Center.Y);

    [GeneratedRegex(@"^(?<m>[A-Za-z]{3,9})\.?,?\s+(?<y>\d{4})$")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"^(?:19|20|21)\d\d$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(?:prev|previous|prev(?:ious)? month|back|earlier|‹|«|<|←|◀|◄|⟨|❮)$", RegexOptions.IgnoreCase)]
    private static partial Regex PreviousName();

    [GeneratedRegex(@"^(?:next|next month|forward|later|›|»|>|→|▶|►|⟩|❯)$", RegexOptions.IgnoreCase)]
    private static partial Regex NextName();

    [GeneratedRegex(@"^(?:(?:arrow|chevron|caret|nav|angle)\s+)*(?:left|prev|previous|back)(?:\s+arrow)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PreviousIcon();

    [GeneratedRegex(@"^(?:(?:arrow|chevron|caret|nav|angle)\s+)*(?:right|next|forward)(?:\s+arrow)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NextIcon();
}
