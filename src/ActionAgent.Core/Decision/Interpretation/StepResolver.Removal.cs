using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Removing steps ("Delete "leaf node 3-1" with its remove button", "Delete the "null" entry through its actions menu"):
/// what the step names was on the page at the start, so the step is done when it is gone — not when the click changed
/// the page (a row selected, a menu opened). After the control's click the step is grounded again: gone, it is done;
/// still there, a removing entry the click brought up (a row's actions menu) is clicked, once; else the step fails
/// saying the item is still shown. The same control is never clicked twice. A step whose dialog is to be dismissed
/// ("… and choose Cancel") keeps the item on purpose, and is not tracked.
/// </summary>
internal sealed partial class StepResolver
{
    private static readonly string[] RemovingEntries = ["Remove", "Delete", "Remove item", "Delete item", "Trash", "Discard"];

    private static bool TracksRemoval(InterpretedStep step, Grounder g) =>
        step is { Removes: true, Reply: null, Context.Length: > 0 } && g.Memory?.Start is { } start && PinnedOwner(start, step.Context) is not null;

    // The owner as the page shows it: the whole phrase, or one of its comma parts ("its last entry, onlineDemo").
    private static string? PinnedOwner(PageIndex page, string owner) =>
        new[] { owner }.Concat(owner.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(o => Shows(page, o));

    // An element whose own words hold the owner's words as a whole (case, accents and punctuation aside).
    private static bool Shows(PageIndex page, string owner) => page.Items.Any(i => !i.IsHidden && HoldsWhole(i, owner));

    // Its labels, or what an editable element holds (a JSON editor's key "null" is the text of a field, not its label).
    private static bool HoldsWhole(PageItem item, string owner)
    {
        var words = " " + Phrase.Of(owner).Norm + " ";
        return words.Trim().Length > 0 && (item.Labels.Any(l => !l.IsSynthetic && (" " + l.Phrase.Norm + " ").Contains(words, StringComparison.Ordinal))
            || item.IsEditable && item.Element.Value is { Length: > 0 } value && (" " + Phrase.Of(value).Norm + " ").Contains(words, StringComparison.Ordinal));
    }

    // "Close Oceania again": a branch named that is open (a tree's folder, an accordion's section, a toggle's panel) is
    // closed by its own click, not by a close control beside it. Only a close step that names no control of its own, and
    // only when the owner's names (capitalised words, numbers, quoted words) are an open element's own: nothing is removed, so no removal is tracked.
    private StepGrounding? ClosesOpenBranch(InterpretedStep step, Grounder g)
    {
        if (step is not { Removes: true, Reply: null, ContextIsOwner: true, Context: { Length: > 0 } owner, Alternatives.Count: > 0 } || !CloseWord().IsMatch(step.Text))
        {
            return null;
        }

        var open = g.Find(new Search(owner, i => i.Element.Expanded == true && !i.IsHidden && !i.IsEditable) { ForClick = true });
        var names = Specific(owner);
        return open.IsAtLeast(Min) && names.Count > 0 && names.All(t => open.Best!.Item.Labels.Any(l => !l.IsSynthetic && l.Phrase.Tokens.Contains(t)))
            ? Grounded(new ClickAction(TargetOf(open.Best!)), open.Best!, "; it is open, and closing it is its own click")
            : null;
    }

    [GeneratedRegex(@"^(?:close|shut)\s", RegexOptions.IgnoreCase)]
    private static partial Regex CloseWord();

    // "Delete the last tag in the Tags Input box", "remove the second chip": what goes is counted in a run of things that
    // each hold a remove part of their own (a tags input's tags, a filter bar's chips), in reading order, in the place
    // named; its own part is clicked. Batch 22 removed the first tag for "the last tag" (a part found by the box's name)
    // and said done. A place none of them is in is no licence to remove another box's tag; a run of one is no run.
    private StepGrounding? CountedHolderPart(InterpretedStep step, Grounder g)
    {
        if (step is not { Removes: true, Reply: null, ContextIsOwner: true, Context: { Length: > 0 } owner } || CountedOwner().Match(owner.Trim()) is not { Success: true } m)
        {
            return null;
        }

        var held = new List<(PageItem Holder, PageItem Part)>();
        foreach (var part in g.Page.Items.Where(i => !i.IsHidden && IsRemovePart(i)))
        {
            var holder = g.Page.Items.Where(h => h != part && !h.IsHidden && !IsRemovePart(h) && !h.IsEditable && h.Labels.Any(l => !l.IsSynthetic) && Holds(h, part))
                .OrderBy(h => h.Element.Bounds.Area).FirstOrDefault();
            if (holder is not null && held.All(x => x.Holder != holder))
            {
                held.Add((holder, part));
            }
        }

        if (held.Count < 2)
        {
            return null;
        }

        if (m.Groups["place"].Success)
        {
            var place = m.Groups["place"].Value;
            var words = Phrase.Of(place).Tokens.Where(t => !TextMatch.IsStopWord(t) && !PlaceKindWords.Contains(t)).ToList();
            // Under a heading of that name if any is; else where the place's words are all around ("Tags Input" is not
            // "Tags Input Primary with typeahead", though its words are in it).
            var under = held.Where(x => Grounder.UnderSection(x.Holder, place)).ToList();
            held = under.Count > 0 ? under : held.Where(x => words.Count > 0 && words.All(w => x.Holder.Context.Contains(w))).ToList();
            if (held.Count == 0)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, $"nothing with its own remove part is shown in '{place}', so which {m.Groups["kind"].Value} is meant cannot be told");
            }
        }

        held = held.OrderBy(x => x.Holder.Element.Bounds.Y).ThenBy(x => x.Holder.Element.Bounds.X).ToList();
        var n = Ordinals.Position(m.Groups["n"].Value, held.Count) ?? 0;
        if (n < 1 || n > held.Count)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"only {held.Count} {m.Groups["kind"].Value}s with a remove part are shown, so there is no {m.Groups["n"].Value} one");
        }

        var (which, its) = held[n - 1];
        var c = new Candidate(its, 0.9, $"the remove part of '{which.Display}', the {m.Groups["n"].Value} of {held.Count} {m.Groups["kind"].Value}s with one");
        return Grounded(new ClickAction(TargetOf(c)), c);
    }

    private static readonly HashSet<string> PlaceKindWords = new(StringComparer.Ordinal) { "box", "field", "input", "list", "bar", "area", "section", "panel" };

    // A small part that removes what holds it: its icon or its sign says so.
    private static bool IsRemovePart(PageItem i) =>
        i.Element.Role is "button" or "link" && string.IsNullOrWhiteSpace(i.Element.Name) && string.IsNullOrWhiteSpace(i.Element.Text)
            ? i.Element.Icon is { } icon && RemoveIcon().IsMatch(icon)
            : i.Element.Name.Trim() is "×" or "✕" or "✖" or "x" or "X";

    private static bool Holds(PageItem holder, PageItem part) => holder.Element.Bounds.Contains(part.Element.Bounds, slack: 2);

    [GeneratedRegex(@"^(?:the\s+)?(?<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\s+(?<kind>tag|chip|token|pill|label|badge|filter|item|entry|value)s?(?:\s+(?:in|of|from|on|under|inside)\s+(?<place>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex CountedOwner();

    [GeneratedRegex(@"\b(?:remove|delete|close|clear|dismiss|cancel|trash|times|x)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemoveIcon();

    private StepGrounding? AfterRemovalMove(InterpretedStep step, Grounder g)
    {
        if (g.Memory is not { StepMoves: > 0 and var moves } || !TracksRemoval(step, g) && g.Memory.RemovedRow is null)
        {
            return null;
        }

        var owner = g.Memory.RemovedRow is { } row ? $"the row {string.Join(' ', row.Take(6))}" : PinnedOwner(g.Memory.Start!, step.Context!)!;
        if (g.Memory.RemovedRow is { } words ? RowsShowing(g.Page, [.. words]).Count == 0 : !Shows(g.Page, owner))
        {
            return new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"'{owner}' is no longer on the page");
        }

        if (moves == 1)
        {
            var entry = g.Find(new Search(RemovingEntries[0], i => g.Fresh.Contains(i.Element.Id) && i.IsInteractive && !i.IsEditable && !i.IsCheckable)
            {
                Alternatives = RemovingEntries[1..],
                ForClick = true,
            });
            if (entry.IsAtLeast(Min))
            {
                return Grounded(new ClickAction(TargetOf(entry.Best!)), entry.Best!, "; the removing entry the click brought up") with { Repeats = true };
            }
        }

        return new StepGrounding(GroundingStatus.NotFound, null, 0,
            $"'{owner}' is still on the page after {(moves == 1 ? "the click" : $"{moves} clicks")}, so it was not removed");
    }
}
