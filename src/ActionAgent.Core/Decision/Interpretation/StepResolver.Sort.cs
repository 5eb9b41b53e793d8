using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Grounding of <see cref="StepKind.Sort"/>: the column's header, and the column's cells read top to bottom. A column
/// already in the order asked for is done; otherwise its header is clicked (one checked click at a time, grounded again
/// after each), so "sorted" is what the cells show, never what a click was hoped to do.
/// </summary>
internal sealed partial class StepResolver
{
    private StepGrounding Sort(InterpretedStep step, Grounder g)
    {
        var headers = g.Page.Items.Where(IsColumnHeader).ToList();
        if (headers.Count == 0)
        {
            return step.Otherwise is { } other ? ByKind(other, g) : new StepGrounding(GroundingStatus.NotFound, null, 0, "no table with column headers is on the page");
        }

        PageItem header;
        if (step.Target is { } nth && NthColumn().Match(nth.Trim()) is { Success: true } counted)
        {
            // "Sort the table by its fourth column": counted left to right along the first row of headers.
            var row = headers.Where(h => Math.Abs(h.Element.Bounds.Y - headers[0].Element.Bounds.Y) < 4).OrderBy(h => h.Element.Bounds.X).ToList();
            var n = Ordinals.Of(counted.Groups["n"].Value) ?? row.Count; // else "last"
            if (n < 1 || n > row.Count)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, $"the table has {row.Count} column(s), so it has no {counted.Groups["n"].Value} column");
            }

            header = row[n - 1];
        }
        else if (step.Target is { } column)
        {
            var found = g.Find(new Search(column, headers.Contains) { SoftContext = Soft(step), KindCounts = true });
            if (!found.IsAtLeast(Min))
            {
                return step.Otherwise is { } other ? ByKind(other, g) : NotFound("column header", found);
            }

            header = found.Best!.Item;
        }
        else
        {
            // No column named ("so the youngest is on top"): the one column of dates or years among the headers.
            var dated = headers.Where(h => Keys(Column(h, g.Page)) is { Kind: SortKind.Date }).ToList();
            if (step.Context is { } place)
            {
                // "a small table of trumpeters (Name / Born)": a date column the description names, else the date columns
                // whose surroundings say most of what the description says. A word or two in common is no evidence.
                var words = Phrase.Of(place);
                var named = dated.Where(h => Phrase.Of(h.Display).Content is { Length: > 0 } hc && hc.All(t => words.Content.Contains(t))).ToList();
                dated = named.Count > 0 ? named
                    : dated.Where(h => TextMatch.Coverage(words, Grounder.Surroundings(h)) >= 0.5).ToList();
            }

            if (dated.Count != 1)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0,
                    $"the step names no column and {(dated.Count == 0 ? "no column holds dates" : $"{dated.Count} columns hold dates")}: say which (\"sort it by Born\")");
            }

            header = dated[0];
        }

        var cells = Column(header, g.Page);
        if (cells.Count < 2)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"column '{header.Display}' shows {cells.Count} cell(s) under its header, so its order cannot be seen");
        }

        var keys = Keys(cells);
        var wanted = step.Value switch
        {
            "young" => keys.Kind == SortKind.Date ? "desc" : "asc",
            "old" => keys.Kind == SortKind.Date ? "asc" : "desc",
            var d => d,
        };
        var asc = InOrder(keys, ascending: true);
        var desc = InOrder(keys, ascending: false);
        var shown = string.Join(", ", cells.Take(4).Select(c => c.Display)) + (cells.Count > 4 ? ", …" : "");
        if (wanted == "asc" && asc || wanted == "desc" && desc || wanted is null && (asc || desc))
        {
            var way = asc && desc ? "all equal" : asc ? "ascending" : "descending";
            return new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"column '{header.Display}' reads {shown} ({way}, compared as {keys.Kind.ToString().ToLowerInvariant()})")
            {
                Element = header.Element,
            };
        }

        var c = new Candidate(header, 0.9, $"the header of the column to sort, which reads {shown} ({(asc ? "ascending" : desc ? "descending" : "unsorted")}, {wanted ?? "any"} asked)");
        return Grounded(new ClickAction(TargetOf(c)), c) with { Repeats = true };
    }

    [GeneratedRegex(@"^(?:(?:its|the|their|this\s+table's|the\s+table's)\s+)?(?<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))(?:\s+column)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NthColumn();

    private static bool IsColumnHeader(PageItem i) =>
        !i.IsHidden && (i.Element.Tag == "th" || i.Role is "columnheader") && i.Display.Length > 0;

    // The cells under a header: same column span, below it, top to bottom, until a gap of more than two rows or another
    // header in the column (the next table).
    private static List<PageItem> Column(PageItem header, PageIndex page)
    {
        var h = header.Element.Bounds;
        var (hx, _) = h.Center;
        var below = page.Items
            .Where(i => i.Element.Tag is "td" or "th" || i.Role is "cell" or "gridcell" or "rowheader")
            .Where(i => i.Element.Bounds.Y >= h.Y + h.Height - 2 && Math.Abs(i.Element.Bounds.Center.X - hx) <= Math.Max(4, h.Width / 2)
                && Math.Abs(i.Element.Bounds.Width - h.Width) <= Math.Max(6, h.Width * 0.2))
            .OrderBy(i => i.Element.Bounds.Y)
            .ToList();
        var cells = new List<PageItem>();
        var lastBottom = h.Y + h.Height;
        foreach (var cell in below)
        {
            var rowHeight = cells.Count > 0 ? cells[^1].Element.Bounds.Height : h.Height;
            if (IsColumnHeader(cell) || cell.Element.Bounds.Y - lastBottom > 2 * Math.Max(rowHeight, 10))
            {
                break;
            }

            cells.Add(cell);
            lastBottom = cell.Element.Bounds.Y + cell.Element.Bounds.Height;
        }

        return cells.Where(c => c.Display.Trim().Length > 0).ToList();
    }

    private enum SortKind { Number, Version, Date, Text }

    private sealed record SortKeys(SortKind Kind, List<object> Values);

    private static SortKeys Keys(List<PageItem> cells)
    {
        var texts = cells.Select(c => c.Display.Trim()).ToList();
        if (texts.Count > 0 && texts.All(t => VersionCell().IsMatch(t)))
        {
            return new SortKeys(SortKind.Version, texts.Select(t => (object)t.Split('.').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray()).ToList());
        }

        if (texts.Count > 0 && texts.All(t => YearCell().IsMatch(t)))
        {
            return new SortKeys(SortKind.Date, texts.Select(t => (object)double.Parse(t, CultureInfo.InvariantCulture)).ToList());
        }

        var dates = texts.Select(ReadCellDate).ToList();
        if (texts.Count > 0 && dates.All(d => d is not null))
        {
            return new SortKeys(SortKind.Date, dates.Select(d => (object)d!.Value.Ticks.ToString("D20", CultureInfo.InvariantCulture)).ToList());
        }

        var numbers = texts.Select(ReadCellNumber).ToList();
        if (texts.Count > 0 && numbers.All(n => n is not null))
        {
            return new SortKeys(SortKind.Number, numbers.Select(n => (object)n!.Value).ToList());
        }

        return new SortKeys(SortKind.Text, texts.Cast<object>().ToList());
    }

    private static bool InOrder(SortKeys keys, bool ascending)
    {
        for (var i = 1; i < keys.Values.Count; i++)
        {
            var c = Compare(keys.Values[i - 1], keys.Values[i]);
            if (ascending ? c > 0 : c < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int Compare(object a, object b) => (a, b) switch
    {
        (double x, double y) => x.CompareTo(y),
        (long[] x, long[] y) => x.Zip(y).Select(p => p.First.CompareTo(p.Second)).FirstOrDefault(c => c != 0) is var c && c != 0 ? c : x.Length.CompareTo(y.Length),
        (string x, string y) => string.Compare(x, y, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase),
        _ => 0,
    };

    private static readonly string[] CellDateFormats =
    [
        "M/d/yyyy", "M/d/yy", "d-M-yyyy", "d-M-yy", "M-d-yyyy", "M-d-yy", "yyyy-MM-dd", "d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "d.M.yyyy",
    ];

    private static DateTime? ReadCellDate(string text) =>
        DateTime.TryParseExact(text, CellDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? d : null;

    // "$12.09", "134.56 GB", "19.4 K", "-3", "1,204": the number, scaled by a size unit when it has one.
    private static double? ReadCellNumber(string text)
    {
        var m = NumberCell().Match(text);
        if (!m.Success || !double.TryParse(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var unit = m.Groups["u"].Value.ToUpperInvariant();
        var power = unit.Length == 0 ? 0 : "BKMGTPEZY".IndexOf(unit[0], StringComparison.Ordinal);
        if (unit.Length > 0 && (power < 0 || unit.Length > 3 || unit.Length > 1 && !unit.EndsWith('B') && unit != "KIB" && !unit.EndsWith("IB", StringComparison.Ordinal)))
        {
            return null;
        }

        return n * Math.Pow(1024, Math.Max(0, power));
    }

    [GeneratedRegex(@"^\d+(?:\.\d+){2,}$")]
    private static partial Regex VersionCell();

    [GeneratedRegex(@"^(?:1[6-9]|20)\d\d$")]
    private static partial Regex YearCell();

    [GeneratedRegex(@"^[^\d\-+]{0,3}(?<n>[-+]?\d[\d,]*(?:\.\d+)?)\s*(?<u>[A-Za-z]{0,3})\s*$")]
    private static partial Regex NumberCell();
}
