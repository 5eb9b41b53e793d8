namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// A move between two list boxes with buttons between them (a pick list, a dual list box): the row is picked in the
/// list it is in (ticked or selected), then the button between the lists that points to the other list is pressed, one
/// checked action at a time, grounded again after each; the step is done when the row shows in the list it was sent to.
/// </summary>
internal sealed partial class StepResolver
{
    private static readonly string[] TowardsRight = ["add", "right", "move right", "select", "include", "assign", ">", "»", "→", ">>"];
    private static readonly string[] TowardsLeft = ["remove", "left", "move left", "deselect", "unselect", "exclude", "unassign", "<", "«", "←", "<<"];

    // Null when the page has no two list boxes the step can be read against: the step's other reading is used.
    private StepGrounding? Transfer(InterpretedStep step, Grounder g)
    {
        var lists = ListBoxesInOrder(g.Page);
        if (lists.Count > 0 && step is { Target: not null, Value: { } places } && places.StartsWith(StepParser.Places, StringComparison.Ordinal))
        {
            // A row no list box has, with another reading to try ("make Item 4 the first one" in a sortable list): that one.
            var order = Reorder(step, g, lists, places[StepParser.Places.Length..]);
            return order is { Status: GroundingStatus.NotFound, Element: null } && step.Otherwise is not null ? null : order;
        }

        if (lists.Count != 2 || step.Target is null || step.Value is not { Length: > 0 } value)
        {
            return null;
        }

        bool In(PageItem item, PageItem list) => ListOf(item, lists) == list;
        var off = value.StartsWith(StepParser.OffList, StringComparison.Ordinal);
        var named = ListNamed(off ? value[StepParser.OffList.Length..] : value, lists);
        if (named is null)
        {
            return null;
        }

        var dest = off ? lists.First(l => l != named) : named;
        var source = lists.First(l => l != dest);
        if (Everyone().IsMatch(step.Target.Trim()))
        {
            return MoveAll(g, lists, source, dest);
        }

        var rows = g.Page.Items.Where(i => i.Role == "option" && !i.IsHidden && lists.Any(l => In(i, l))).ToList();
        var found = g.Find(new Search(step.Target, rows.Contains) { ForClick = true });
        if (OrdinalRow(step.Target, lists, g) is { } counted)
        {
            found = found with { Best = new Candidate(counted, 1, "its place in its list") };
        }
        else if (!found.IsAtLeast(Min))
        {
            return NotFound("row of either list", found);
        }

        var row = found.Best!;
        var destName = ListName(dest);
        if (In(row.Item, dest))
        {
            return new StepGrounding(GroundingStatus.AlreadyDone, null, row.Confidence, $"'{row.Item.Display}' is in the list '{destName}'") { Element = row.Item.Element };
        }

        // The button moves every picked row: with others already picked in that list, pressing it would move them too.
        if (PickedBeside(row.Item, rows.Where(r => In(r, source)), source, "the button between the lists moves") is { } stop)
        {
            return stop;
        }

        if (!Picked(row.Item))
        {
            return Grounded(new ClickAction(TargetOf(row)), row, $" in the list '{ListName(source)}'; picked first, to move it to the list '{destName}'") with { Repeats = true };
        }

        // The button between the two lists that points to the one the row goes to ("Add selected", "Remove selected", "›").
        var button = Between(g, lists, source, dest, all: false);
        if (button is null)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"no button between the lists moves the picked rows to '{destName}'") { Element = row.Item.Element };
        }

        return Grounded(new ClickAction(ActionTarget.Element(button.Element.Id, button.Display)), new Candidate(button, 1, "its place between the lists"),
            $"; moves '{row.Item.Display}' (picked) to the list '{destName}'") with { Repeats = true };
    }

    // "Add the Churn panel to the dashboard": the move, on a page with two list boxes one of them named so. A row neither
    // list has leaves the step to its usual reading when that finds something ("Add Milk to the cart" with a Milk button).
    private StepGrounding? ListMove(InterpretedStep step, Grounder g)
    {
        if (step.ListMove is not { } move || Transfer(move, g) is not { } moved)
        {
            return null;
        }

        if (moved.Status != GroundingStatus.NotFound || moved.Element is not null)
        {
            return moved;
        }

        var usual = ByKind(step, g);
        return usual.Status is GroundingStatus.Grounded or GroundingStatus.AlreadyDone ? usual : moved;
    }

    // "Move everyone back to Department": the button between the lists that moves all rows towards that list; done when
    // the other list shows no row.
    private static StepGrounding MoveAll(Grounder g, List<PageItem> lists, PageItem source, PageItem dest)
    {
        var left = RowsIn(g.Page, source);
        if (left.Count == 0)
        {
            return new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"the list '{ListName(source)}' shows no row: every row is in '{ListName(dest)}'") { Element = dest.Element };
        }

        var button = Between(g, lists, source, dest, all: true);
        return button is null
            ? new StepGrounding(GroundingStatus.NotFound, null, 0, $"no button between the lists moves every row to '{ListName(dest)}'")
            : Grounded(new ClickAction(ActionTarget.Element(button.Element.Id, button.Display)), new Candidate(button, 1, "its place between the lists"),
                $"; moves the {left.Count} row(s) of '{ListName(source)}' to '{ListName(dest)}'") with { Repeats = true };
    }

    // The button between the two lists that points from one to the other: an "all" button, or one that is not.
    private static PageItem? Between(Grounder g, List<PageItem> lists, PageItem source, PageItem dest, bool all)
    {
        var towards = dest.Element.Bounds.X > source.Element.Bounds.X || dest.Element.Bounds.Y > source.Element.Bounds.Y ? TowardsRight : TowardsLeft;
        var (left, right) = (lists[0].Element.Bounds, lists[1].Element.Bounds);
        return g.Page.Items.Where(b => b.Role == "button" && !b.IsHidden && !b.Element.Disabled
                && b.Element.Bounds.Center.X >= Math.Min(left.Right, right.X) - 4 && b.Element.Bounds.Center.X <= Math.Max(left.Right, right.X) + 4
                && Phrase.Of(b.Display + " " + b.Element.Icon).Tokens.Contains("all") == all)
            .Select(b => (b, Phrase.Of($"{b.Display} {b.Element.Icon}")))
            .FirstOrDefault(x => towards.Any(w => x.Item2.Tokens.Contains(w) || x.Item1.Display.Trim() == w)
                || all && (towards == TowardsRight ? x.Item1.Display.Trim() is ">>" or "»»" : x.Item1.Display.Trim() is "<<" or "««")).b;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:every(?:one|body|thing)|all(?:\s+of\s+them)?|them\s+all|all\s+(?:the\s+)?(?:rows|items|people|persons|entries|names|panels|options))(?:\s+(?:on|in|from|of)\s+(?:it|them|the\s+.+?))?(?:\s+(?:back|over|across))?(?:\s+at\s+once)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Everyone();

    // "Invite Diego Alvarez" on a page whose lists are "Department" and "Invited": a verb no step knows, whose participle
    // names one of two list boxes, moves the row to that list ("uninvite", "deselect": off it). Only for a step read as
    // nothing else (Implicit), so a verb of ours is never taken for a list's.
    private StepGrounding? ListVerb(InterpretedStep step, Grounder g)
    {
        var words = (step.Target ?? step.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (step.Kind != StepKind.Implicit || step.ListMove is not null || words.Length < 2)
        {
            return null;
        }

        var lists = ListBoxesInOrder(g.Page);
        var verb = words[0].ToLowerInvariant();
        var off = verb.StartsWith("un", StringComparison.Ordinal) || verb.StartsWith("de", StringComparison.Ordinal) && verb.Length > 6;
        var stem = (off ? verb[2..] : verb).TrimEnd('e');
        if (lists.Count != 2 || stem.Length < 3)
        {
            return null;
        }

        var named = lists.Where(l => Phrase.Of(ListName(l)).Tokens.Any(t => t.StartsWith(stem, StringComparison.Ordinal) && t.Length - stem.Length is > 0 and <= 3 && t.EndsWith('d'))).ToList();
        if (named is not [var list])
        {
            return null;
        }

        var who = AsWell().Replace(string.Join(' ', words[1..]), "").Trim();
        var move = step with { Kind = StepKind.Drag, Target = who, Value = (off ? StepParser.OffList : "") + ListName(list), Otherwise = null };
        return Transfer(move, g);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\s,]+(?:as\s+well|too|also|please)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AsWell();

    // "Move Support tickets up one place": the row is picked, then the list's up (or down) button pressed, one checked press
    // at a time, grounded again after each, until the row stands that many places from where it stood when the step began.
    private StepGrounding Reorder(InterpretedStep step, Grounder g, List<PageItem> lists, string how)
    {
        var rows = g.Page.Items.Where(i => i.Role == "option" && !i.IsHidden && ListOf(i, lists) is not null).ToList();
        Candidate row;
        if (OrdinalRow(step.Target, lists, g) is { } counted)
        {
            row = new Candidate(counted, 1, "its place in its list");
        }
        else if (g.Find(new Search(step.Target, rows.Contains) { ForClick = true, SoftContext = Soft(step) }) is var found && found.IsAtLeast(Min))
        {
            row = found.Best!;
        }
        else
        {
            return NotFound("row of a list", found);
        }

        var list = ListOf(row.Item, lists)!;
        var order = RowsIn(g.Page, list);
        var at = order.IndexOf(row.Item);
        var goal = Goal(how, row.Item, list, order, g) is { } reached ? reached : -1;
        if (goal < 0)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, GoalMissed(how, row.Item, list, order, g)) { Element = row.Item.Element };
        }

        if (at == goal)
        {
            return new StepGrounding(GroundingStatus.AlreadyDone, null, row.Confidence, $"'{row.Item.Display}' is at place {at + 1} of {order.Count} in the list '{ListName(list)}'") { Element = row.Item.Element };
        }

        if (PickedBeside(row.Item, order, list, "its up / down buttons move") is { } stop)
        {
            return stop;
        }

        if (!Picked(row.Item))
        {
            return Grounded(new ClickAction(TargetOf(row)), row, $"; picked first, to move it {(at > goal ? "up" : "down")} in the list '{ListName(list)}'") with { Repeats = true };
        }

        var word = at > goal ? "up" : "down";
        var button = g.Page.Items.Where(b => b.Role == "button" && !b.IsHidden && !b.Element.Disabled && Phrase.Of($"{b.Display} {b.Element.Icon}").Tokens.Contains(word)
                && !Phrase.Of(b.Display).Tokens.Any(t => t is "all" or "top" or "bottom"))
            .MinBy(b => b.Element.Bounds.CenterDistance(list.Element.Bounds));
        if (button is null)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"no '{word}' button is on the page to move '{row.Item.Display}' in its list") { Element = row.Item.Element };
        }

        return Grounded(new ClickAction(ActionTarget.Element(button.Element.Id, button.Display)), new Candidate(button, 1, $"the list's {word} button"),
            $"; moves '{row.Item.Display}' from place {at + 1} towards place {goal + 1} of the list '{ListName(list)}'") with { Repeats = true };
    }

    // Where the row is to stand (an index of the list's order), or null when it cannot: "up 2" / "down 1" from where it stood
    // when the step began (the page then, so a press already made counts), "at 3" / "at last", "below X" / "above X" (X
    // another row of the same list).
    private int? Goal(string how, PageItem row, PageItem list, List<PageItem> order, Grounder g)
    {
        var (word, rest) = SplitHow(how);
        switch (word)
        {
            case "up" or "down":
                var n = int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture);
                var started = Started(row, list, order, g);
                var goal = word == "up" ? started - n : started + n;
                return goal >= 0 && goal < order.Count ? goal : null;
            case "at":
                var place = rest == "last" ? order.Count : int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture);
                return place >= 1 && place <= order.Count ? place - 1 : null;
            case "below" or "above":
                var others = order.Where(r => r != row).ToList();
                var next = g.Find(new Search(rest, others.Contains) { ForClick = true });
                return next.IsAtLeast(Min) ? others.IndexOf(next.Best!.Item) + (word == "below" ? 1 : 0) : null;
            default:
                return null;
        }
    }

    // "up 2" → ("up", "2"), "below Revenue" → ("below", "Revenue"), "at last" → ("at", "last").
    private static (string Word, string Tail) SplitHow(string how) =>
        how.IndexOf(' ', StringComparison.Ordinal) is var sp and > 0 ? (how[..sp], how[(sp + 1)..]) : (how, "");

    private static string GoalMissed(string how, PageItem row, PageItem list, List<PageItem> order, Grounder g)
    {
        var (word, rest) = SplitHow(how);
        return word switch
        {
            "up" or "down" => $"'{row.Display}' is at place {Started(row, list, order, g) + 1} of {order.Count} in the list '{ListName(list)}', so it cannot go {word} {rest} place(s)",
            "at" => $"the list '{ListName(list)}' has {order.Count} rows, so '{row.Display}' cannot stand at place {rest}",
            _ => $"no other row of the list '{ListName(list)}' matches '{rest}', so where '{row.Display}' is to go is not known",
        };
    }

    // Where the row stood in its list when the step began.
    private static int Started(PageItem row, PageItem list, List<PageItem> order, Grounder g) =>
        g.Memory?.StepStart is { } start && RowsIn(start, list).FindIndex(i => i.Display == row.Display) is >= 0 and var was
            ? was
            : order.IndexOf(row);

    /// <summary>The rows of a list box, top to bottom (the list as the page drew it; a list box is told by its left edge).</summary>
    internal static List<PageItem> RowsIn(PageIndex page, PageItem list) =>
        page.Items.Where(i => i.Role == "option" && !i.IsHidden && ListOf(i, ListBoxes(page)) is { } mine
            && Math.Abs(mine.Element.Bounds.X - list.Element.Bounds.X) < 2).OrderBy(i => i.Element.Bounds.Y).ToList();

    // "the first person on the Invited list", "the last panel of the dashboard", "the third person listed under
    // Department": a row counted in the list its words name.
    // Counted on the page as it was when the step began: once the row moves, "the last panel" is another row, and the step
    // goes on with the one it counted.
    private static PageItem? OrdinalRow(string? target, List<PageItem> lists, Grounder g)
    {
        if (target is null || CountedRow().Match(target.Trim()) is not { Success: true } m)
        {
            return null;
        }

        var page = g.Memory?.StepStart ?? g.Page;
        var then = ListBoxesInOrder(page);
        if (then.Count != lists.Count || ListNamed(m.Groups["list"].Value, then) is not { } list)
        {
            return null;
        }

        var order = RowsIn(page, list);
        var ord = m.Groups["ord"].Value.ToLowerInvariant();
        var n = ord is "last" or "bottom" ? order.Count : ord is "top" ? 1 : Ordinals.Of(ord) ?? 0;
        if (n < 1 || n > order.Count)
        {
            return null;
        }

        var counted = order[n - 1];
        return ReferenceEquals(page, g.Page) ? counted
            : g.Page.Items.FirstOrDefault(i => i.Role == "option" && !i.IsHidden && i.Display == counted.Display && ListOf(i, lists) is not null);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:the\s+)?(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|top|bottom|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}?(?:(?:listed|shown)\s+)?(?:on|in|of|under|from)\s+(?<list>.+)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CountedRow();

    // The list the words name: by the list's own name, the text over or beside it, or its side ("the right-hand list").
    internal static PageItem? ListNamed(string words, List<PageItem> lists)
    {
        var phrase = Phrase.Of(words);
        var content = phrase.Tokens.Where(t => !TextMatch.IsStopWord(t) && t is not ("list" or "listbox" or "box" or "side" or "column" or "hand")).ToList();
        if (content.Count == 0)
        {
            return null;
        }

        // A side names a list only beside a word for one ("the right-hand list", "the left side"): "to the right" is a way.
        var aList = phrase.Tokens.Any(t => t is "list" or "listbox" or "box" or "side" or "column" or "hand" or "righthand" or "lefthand");
        if (aList && content.Any(t => t is "right" or "righthand" or "second"))
        {
            return lists[1];
        }

        if (aList && content.Any(t => t is "left" or "lefthand" or "first"))
        {
            return lists[0];
        }

        var scored = lists.Select(l => (l, Score: content.Count(t => Phrase.Of(ListName(l)).Tokens.Any(n => n == t || n.StartsWith(t, StringComparison.Ordinal) || t.StartsWith(n, StringComparison.Ordinal))))).ToList();
        var best = scored.MaxBy(s => s.Score);
        return best.Score > 0 && scored.Count(s => s.Score == best.Score) == 1 ? best.l : null;
    }

    private static bool Picked(PageItem row) => row.Element.Checked == true || row.Element.Selected == true;

    // Other rows of the list already picked: a button that moves every picked row would move them too, so none is pressed.
    private static StepGrounding? PickedBeside(PageItem row, IEnumerable<PageItem> listRows, PageItem list, string moves)
    {
        var others = listRows.Where(r => r != row && Picked(r)).Select(r => $"'{r.Display}'").ToList();
        if (others.Count == 0)
        {
            return null;
        }

        var them = others.Count == 1 ? "it" : "them";
        return new StepGrounding(GroundingStatus.NotFound, null, 0,
            $"{string.Join(", ", others)} {(others.Count == 1 ? "is" : "are")} picked in the list '{ListName(list)}' too, and {moves} every picked row, so nothing was pressed; untick {them} first or say to move {them} as well")
        { Element = row.Element };
    }

    /// <summary>The list boxes drawn on the page (a native select keeps its options to itself).</summary>
    internal static IEnumerable<PageItem> ListBoxes(PageIndex page) => page.Items.Where(i => i.Role == "listbox" && !i.IsHidden && i.Element.Tag != "select");

    /// <summary>The same, left to right, then top to bottom (the first list is the left-hand one).</summary>
    internal static List<PageItem> ListBoxesInOrder(PageIndex page) => ListBoxes(page).OrderBy(i => i.Element.Bounds.X).ThenBy(i => i.Element.Bounds.Y).ToList();

    /// <summary>The list box of an earlier page that is <paramref name="list"/>: the same element, or the one at its left edge.</summary>
    internal static PageItem? SameListIn(PageIndex earlier, PageItem list) =>
        ListBoxes(earlier).FirstOrDefault(l => l.Element.Id == list.Element.Id)
        ?? ListBoxes(earlier).FirstOrDefault(l => Math.Abs(l.Element.Bounds.X - list.Element.Bounds.X) < 2);

    /// <summary>
    /// The list box a row belongs to: the nearest one above it whose width it stands in (a row scrolled out below the end
    /// of its list is outside the list's box, and still its row).
    /// </summary>
    internal static PageItem? ListOf(PageItem row, IEnumerable<PageItem> lists)
    {
        var x = row.Element.Bounds.Center.X;
        return lists.Where(l => x >= l.Element.Bounds.X && x <= l.Element.Bounds.Right && l.Element.Bounds.Y <= row.Element.Bounds.Y + 2)
            .MaxBy(l => l.Element.Bounds.Y);
    }

    private static string ListName(PageItem list) => $"{list.Element.NearbyText} {list.Element.Name}".Trim();
}
