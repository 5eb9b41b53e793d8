using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Text;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// A value for one cell of a grid that is edited in place ("Set the price of The Green Mile to 13.50", "change the title
/// "It" to "It (hardcover)"", "For the last book, change the Author to L. Carroll"): no field carries the name, but a
/// column header does, and the rest of the words name a row. The cell is double-clicked, as a person does, and what
/// opens there (a text box, a list of choices) gets the value and Enter; the step is grounded again after each move and
/// is done only when the cell itself reads the value.
/// </summary>
internal sealed partial class StepResolver
{
    private const int MaxCellMoves = 5;

    private sealed record GridColumn(PageItem Header, double Left, double Right)
    {
        public bool Holds(UiElement e) => e.Bounds.Center.X >= Left && e.Bounds.Center.X <= Right;
    }

    private sealed record GridRowAt(int Row, string Name);

    // A step of a kind that types or sets a value, and a grid cell the words name: the next move on that cell.
    private StepGrounding? CellEdit(InterpretedStep step, Grounder g)
    {
        if (step.Kind is not (StepKind.Set or StepKind.Type or StepKind.Fill) || step.Value is not { Length: > 0 } value
            || step.Target is not { Length: > 0 } target)
        {
            return null;
        }

        // The row is found on the page as it was when the step began: the edit may change the very words that named it.
        var start = g.Memory?.StepStart ?? g.Page;
        if (FindColumn(target, start) is not { } column || FindRow(target, step.Context, column, start) is not { } row)
        {
            return null;
        }

        var page = g.Page;
        var current = Columns(page).FirstOrDefault(c => string.Equals(c.Header.Display, column.Header.Display, StringComparison.OrdinalIgnoreCase)) ?? column;
        var inRow = page.Items.Where(i => i.Element.Row == row.Row && !i.IsHidden).ToList();
        if (inRow.Count == 0)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"the row '{row.Name}' is no longer shown in the grid");
        }

        var top = inRow.Min(i => i.Element.Bounds.Y);
        var bottom = inRow.Max(i => i.Element.Bounds.Y + i.Element.Bounds.Height);
        var where = $"the {current.Header.Display} cell of the row '{row.Name}'";
        var moves = g.Memory?.StepMoves ?? 0;
        // What the cell shows: its box, or its texts left to right ("$" and "12.99" in two spans); the longest is pressed.
        var parts = inRow.Where(i => current.Holds(i.Element) && !i.IsEditable && !i.IsSelectable && (i.IsCheckable || i.Display.Trim().Length > 0))
            .OrderBy(i => i.Element.Bounds.X).ToList();
        var shown = parts.FirstOrDefault(i => i.IsCheckable) ?? parts.MaxBy(i => i.Display.Trim().Length);
        var reads = string.Join(" ", parts.Where(i => !i.IsCheckable).Select(i => i.Display.Trim()));

        // "In Store ticked": a column of boxes is ticked or unticked, not typed into.
        var lower = value.Trim().ToLowerInvariant();
        if (shown is { IsCheckable: true } && (OnWords.Contains(lower) || OffWords.Contains(lower)))
        {
            return ChoiceResult(new Candidate(shown, 0.9, $"the box in {where}"), OnWords.Contains(lower));
        }

        var editor = page.Items.Where(i => (i.IsEditable || i.IsSelectable) && !i.IsCheckable && !i.IsHidden && !i.Element.Disabled
                && Overlaps(i.Element.Bounds, current) && i.Element.Bounds.Y >= top - 4 && i.Element.Bounds.Y <= bottom + 4)
            .OrderByDescending(i => i.Element.IsFocused).ThenBy(i => i.Element.Row == row.Row ? 0 : 1).FirstOrDefault();
        if (editor is null && shown is not null && (ReadsValue(reads, value) || parts.Any(p => ReadsValue(p.Display, value))))
        {
            // Done only if nothing else in the grid changed with it (a key that saved and moved on may have opened or
            // emptied the next cell).
            if (moves > 0 && OtherCellsChanged(start, page, row.Row, current.Header.Display) is { } also)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, $"{where} reads '{reads}', but the edit also changed {also}; check the grid");
            }

            return new StepGrounding(GroundingStatus.AlreadyDone, null, 0.95, $"{where} reads '{reads}'") { Element = shown.Element };
        }

        if (moves >= MaxCellMoves)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0,
                $"{where} reads '{(reads.Length > 0 ? reads : "nothing")}', not '{value}', after {moves} moves to edit it in place");
        }

        if (editor is not null)
        {
            var at = ActionTarget.Element(editor.Element.Id, editor.Display.Length > 0 ? editor.Display : $"the editor of {where}");
            var candidate = new Candidate(editor, 0.9, $"the editor that opened in {where}");
            if (editor.IsSelectable)
            {
                var (option, score) = Grounder.BestOption(value, editor);
                if (option is null || score < options.MinOptionScore)
                {
                    return new StepGrounding(GroundingStatus.NotFound, null, 0,
                        $"the list that opened in {where} has no option like '{value}' (options: {string.Join(", ", editor.Element.Options)})") { Element = editor.Element };
                }

                if (string.Equals(editor.Element.Value?.Trim(), option.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    // The choice is made in the open list; Enter hands it to the grid (a list the grid keeps open until then).
                    return Grounded(new PressKeyAction("Enter"), candidate, $"; '{option}' is chosen in the open list, Enter saves it into {where}") with { Repeats = true };
                }

                return Grounded(new SelectOptionAction(at, option), candidate, $"; option '{option}' for {where}") with { Repeats = true };
            }

            // A text area takes Enter as a new line (and Tab moves on, opening the next cell): it is closed by a click on a
            // bare spot of the page, as a person clicks away.
            var area = editor.Element.Tag == "textarea";
            if (ReadsValue(editor.Element.Value ?? "", value))
            {
                if (!area)
                {
                    return Grounded(new PressKeyAction("Enter"), candidate, $"; it holds '{value}', Enter saves it into {where}") with { Repeats = true };
                }

                return BareSpot(page, (top + bottom) / 2) is { } spot
                    ? Grounded(new ClickAction(ActionTarget.At(spot.X, spot.Y, description: "a bare spot of the page")), candidate,
                        FormattableString.Invariant($"; it holds '{value}': a click on a bare spot of the page ({spot.X:0}, {spot.Y:0}) closes the editor and saves it into {where}")) with { Repeats = true }
                    : new StepGrounding(GroundingStatus.NotFound, null, 0, $"the text area open in {where} holds '{value}', but no bare spot of the page is left to click away to");
            }

            return Grounded(new TypeTextAction(at, value, ClearFirst: true, PressEnter: !area), candidate,
                $"; '{value}' typed over what {where} held{(area ? "" : ", Enter saves it")}") with { Repeats = true };
        }

        if (moves > 0)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0,
                $"{where} reads '{(reads.Length > 0 ? reads : "nothing")}', not '{value}', and no editor is open in it (double-clicking it opened none, or the edit did not hold)");
        }

        if (shown is null)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"{where} shows nothing to double-click");
        }

        var cell = new Candidate(shown, 0.85, $"column header '{current.Header.Display}' and the row '{row.Name}'");
        return Grounded(new ClickAction(ActionTarget.Element(shown.Element.Id, shown.Display), MouseButtonKind.Left, 2), cell,
            $"; double-clicking {where} to edit it in place") with { Repeats = true };
    }

    // A point in view that no listed element covers, for clicking away: right of the row being edited first (inside the
    // page's body, where a page listens for clicks that close editors; a corner may be outside it), then lower down.
    private static ScreenPoint? BareSpot(PageIndex page, double rowY)
    {
        var shown = page.Items.Where(i => !i.IsHidden && !i.Element.IsOffscreen).Select(i => i.Element.Bounds).ToList();
        var width = page.Observation.Geometry.CssWidth;
        var height = page.Observation.Geometry.CssHeight;
        (double X, double Y)[] spots = [(width - 24, rowY), (width - 24, rowY + 40), (width - 24, rowY - 40), (width / 2, height - 24), (16, height - 24), (width - 24, height - 24)];
        foreach (var (x, y) in spots)
        {
            if (x > 0 && y > 0 && !shown.Any(b => x >= b.X - 4 && x <= b.X + b.Width + 4 && y >= b.Y - 4 && y <= b.Y + b.Height + 4))
            {
                return new ScreenPoint(x, y, CoordinateSpace.Css);
            }
        }

        return null;
    }

    // The grid's other cells that read otherwise now than when the step began ("Alice in Wonderland's Price '4.15' → '0'"),
    // or null when only the edited one changed.
    private static string? OtherCellsChanged(PageIndex before, PageIndex now, int row, string column)
    {
        var then = CellTexts(before);
        var after = CellTexts(now);
        var changed = then.Where(c => !(c.Key.Row == row && c.Key.Column.Equals(column, StringComparison.OrdinalIgnoreCase))
                && (!after.TryGetValue(c.Key, out var text) || text != c.Value))
            .Select(c => $"the {c.Key.Column} cell of row '{RowLabel(then, c.Key.Row)}' ('{c.Value}' → '{(after.TryGetValue(c.Key, out var t) ? t : "no longer shown")}')")
            .Take(3).ToList();
        return changed.Count == 0 ? null : string.Join(", ", changed);
    }

    private static string RowLabel(Dictionary<(int Row, string Column), string> cells, int row) =>
        cells.Where(c => c.Key.Row == row).Select(c => c.Value).FirstOrDefault(v => v.Any(char.IsLetter)) ?? $"{row}";

    // Each cell's text under each column header, by row.
    private static Dictionary<(int Row, string Column), string> CellTexts(PageIndex page)
    {
        var columns = Columns(page);
        var cells = new Dictionary<(int Row, string Column), string>();
        foreach (var column in columns)
        {
            var header = column.Header.Element;
            foreach (var row in page.Items.Where(i => !i.IsHidden && !i.IsEditable && !i.IsSelectable && i.Element.Row is { } r && r != header.Row
                         && i.Element.Bounds.Y > header.Bounds.Y && column.Holds(i.Element))
                     .GroupBy(i => i.Element.Row!.Value))
            {
                var texts = row.OrderBy(i => i.Element.Bounds.X).Select(i => i.IsCheckable ? $"[{(i.Element.Checked == true ? "x" : " ")}]" : i.Display.Trim());
                cells[(row.Key, column.Header.Display.Trim())] = string.Join(" ", texts);
            }
        }

        return cells;
    }

    private static bool Overlaps(ScreenRect r, GridColumn c) => Math.Min(r.X + r.Width, c.Right) - Math.Max(r.X, c.Left) >= Math.Min(r.Width, c.Right - c.Left) / 2;

    // A cell reads the value when its words are the value's (case and spacing aside), or both are the same number
    // ("13.5" for "13.50", "$12.99" for "12.99").
    private static bool ReadsValue(string shown, string value)
    {
        var a = WhiteSpace.Collapse(shown).Trim();
        var b = WhiteSpace.Collapse(value).Trim();
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return CellNumber(a) is { } x && CellNumber(b) is { } y && x == y;
    }

    private static decimal? CellNumber(string text)
    {
        var t = text.Replace(" ", "", StringComparison.Ordinal).TrimStart('$', '€', '£').Replace(",", "", StringComparison.Ordinal);
        return t.Length > 0 && decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    // The column headers of the page's grids: header cells marked as such (th, columnheader), and the text of a row that
    // stands over at least two rows of cells lined up under two or more of its texts, none of its words repeated there
    // (a grid drawn with a header table of its own).
    private static List<GridColumn> Columns(PageIndex page)
    {
        var headers = page.Items.Where(i => !i.IsHidden && i.Display.Trim().Length > 0 && (i.Element.Tag == "th" || i.Role is "columnheader")).ToList();
        var texts = page.Items.Where(i => !i.IsHidden && i.Element.Row is not null && i.Role is "text" && i.Display.Trim().Length > 0).ToList();
        foreach (var row in texts.GroupBy(i => i.Element.Row!.Value).OrderBy(r => r.Min(i => i.Element.Bounds.Y)))
        {
            var cells = row.ToList();
            if (cells.Count < 2 || headers.Any(h => h.Element.Row == row.Key))
            {
                continue;
            }

            var topOfRow = cells.Min(i => i.Element.Bounds.Y);
            var names = cells.Select(i => i.Display.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var below = texts.Where(i => i.Element.Row != row.Key && i.Element.Bounds.Y > topOfRow).GroupBy(i => i.Element.Row!.Value)
                .Where(r => cells.Count(h => r.Any(c => ColumnOf(h).Holds(c.Element))) >= 2).ToList();
            if (below.Count >= 2 && !below.Any(r => r.Any(c => names.Contains(c.Display.Trim()))))
            {
                headers.AddRange(cells);
                break;
            }
        }

        return headers.Select(ColumnOf).ToList();
    }

    // A header's column: the cells whose middles stand within its width (3 px either side).
    private static GridColumn ColumnOf(PageItem header) =>
        new(header, header.Element.Bounds.X - 3, header.Element.Bounds.X + header.Element.Bounds.Width + 3);

    // The column whose header's words the target carries ("the price of …" → Price; "the title "It"" → Book Title): the
    // header with most of its words there, then the one with the larger share of them.
    private static GridColumn? FindColumn(string target, PageIndex page)
    {
        var words = Phrase.Of(Unquoted(target)).Tokens.Where(t => !TextMatch.IsStopWord(t)).ToList();
        return Columns(page)
            .Select(c => (Column: c, Header: Phrase.Of(c.Header.Display).Tokens.Where(t => !TextMatch.IsStopWord(t)).ToList()))
            .Where(c => c.Header.Count > 0)
            .Select(c => (c.Column, Hits: c.Header.Count(h => words.Any(w => TextMatch.TokenSimilarity(w, h) >= 0.85)), c.Header.Count))
            .Where(c => c.Hits > 0)
            .OrderByDescending(c => c.Hits).ThenByDescending(c => (double)c.Hits / c.Count)
            .Select(c => c.Column)
            .FirstOrDefault();
    }

    // The row the target names besides its column: a quoted name, the words after "of" / "for", the words before "'s",
    // the words left once the header's are taken out, or else the place the step is in ("For the last book in the
    // grid, …"). A name is a cell's whole text in one row only; an ordinal counts the grid's rows.
    private static GridRowAt? FindRow(string target, string? context, GridColumn column, PageIndex page)
    {
        var header = column.Header;
        var body = page.Items.Where(i => !i.IsHidden && i.Element.Row is { } r && r != header.Element.Row
                && i.Element.Bounds.Y > header.Element.Bounds.Y + header.Element.Bounds.Height / 2)
            .GroupBy(i => i.Element.Row!.Value)
            .Where(r => r.Any(i => column.Holds(i.Element)))
            .OrderBy(r => r.Min(i => i.Element.Bounds.Y))
            .ToList();
        if (body.Count == 0)
        {
            return null;
        }

        foreach (var key in RowKeys(target, header.Display).Concat(context is { Length: > 0 } c ? [.. RowKeys(c, header.Display), c] : []))
        {
            if (OrdinalRow().Match(key) is { Success: true } o)
            {
                var n = o.Groups["n"].Value.Equals("last", StringComparison.OrdinalIgnoreCase) ? body.Count : Ordinals.Of(o.Groups["n"].Value) ?? 0;
                if (n >= 1 && n <= body.Count)
                {
                    var counted = body[n - 1];
                    return new GridRowAt(counted.Key, RowName(counted));
                }

                continue;
            }

            var named = body.Where(r => r.Any(i => !i.IsEditable && string.Equals(WhiteSpace.Collapse(i.Display).Trim(), key, StringComparison.OrdinalIgnoreCase))).ToList();
            if (named.Count == 1)
            {
                return new GridRowAt(named[0].Key, key);
            }
        }

        return null;
    }

    // A row is called by its first cell with words (a title, a name), else by its first cell.
    private static string RowName(IGrouping<int, PageItem> row) =>
        row.OrderBy(i => i.Element.Bounds.X).Select(i => i.Display.Trim()).FirstOrDefault(d => d.Any(char.IsLetter))
        ?? row.Select(i => i.Display.Trim()).FirstOrDefault(d => d.Length > 0) ?? $"row {row.Key}";

    private static IEnumerable<string> RowKeys(string target, string header)
    {
        var t = WhiteSpace.Collapse(target).Trim();
        foreach (Match q in Quoted().Matches(t))
        {
            var inner = q.Groups["q"].Value.Trim();
            if (!inner.Equals(header, StringComparison.OrdinalIgnoreCase))
            {
                yield return inner;
            }
        }

        if (OfFor().Match(t) is { Success: true } of)
        {
            yield return Bare(of.Groups["row"].Value);
        }

        if (Possessive().Match(t) is { Success: true } owner)
        {
            yield return Bare(owner.Groups["row"].Value);
        }

        // What is left once the header's words and the words for a cell are taken out.
        var headerWords = Phrase.Of(header).Tokens.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rest = string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !headerWords.Contains(TextMatch.Normalize(w)) && !CellWords.Contains(w.Trim('"', ',', '.').ToLowerInvariant())));
        if (Bare(rest) is { Length: > 0 } left)
        {
            yield return left;
        }
    }

    private static readonly HashSet<string> CellWords = ["the", "a", "its", "their", "cell", "column", "field", "value", "entry", "figure", "of", "for", "in", "on", "row"];

    private static string Bare(string s) => WhiteSpace.Collapse(s).Trim().Trim('"', '“', '”', '\'', ',', '.').Trim();

    private static string Unquoted(string s) => Quoted().Replace(s, " ");

    [GeneratedRegex("[\"“](?<q>[^\"”]+)[\"”]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?:of|for)\s+(?:the\s+(?:row|book|item|entry|record|line)\s+)?(?<row>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OfFor();

    [GeneratedRegex(@"^(?:the\s+)?(?<row>.+?)'s\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"^(?:the\s+)?(?<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\s+\w+", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalRow();
}
