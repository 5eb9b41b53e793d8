using System.Text.RegularExpressions;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// A step that asks for no action but a state ("leave the other ratings unticked", "keep the Notes field empty"): it
/// holds when the page shows every element it names in that state, and fails naming the one that is not. Nothing is
/// clicked: the task said to leave them.
/// </summary>
internal static partial class KeptState
{
    private static readonly HashSet<string> OtherWords = new(StringComparer.OrdinalIgnoreCase) { "other", "others", "rest", "remaining", "all", "every", "each", "of" };

    public static StepGrounding Check(InterpretedStep step, Grounder g)
    {
        var state = step.Value ?? "unchanged";
        if (state == "unchanged")
        {
            return Unchanged(step, g);
        }

        if (state == InOrder)
        {
            return Ordered(step, g);
        }

        if (state is "expanded" or "collapsed")
        {
            return Folded(step, g, state);
        }

        var boxes = state is "checked" or "unchecked";
        var (kindless, _) = TargetQuery.StripRoleWords(step.Target ?? "");
        var group = Phrase.Of(string.Join(' ', kindless.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !OtherWords.Contains(w))));
        var place = step.Context is { } c ? Phrase.Of(c) : null;
        var except = step.Except.Select(Phrase.Of).Where(p => !p.IsEmpty).ToList();
        var named = except.Count > 0;

        var kinds = g.Page.Items.Where(i => boxes ? i.IsCheckable && !i.IsRadio : i.IsEditable && !i.Element.IsSecret).ToList();
        // What the task named, or (a box ticked by its row: "Tick Frozen") what its steps acted on.
        bool Excepted(PageItem i) => named && g.Memory?.ActedOn.Contains(i.Element.Id) == true || except.Any(e => i.Labels.Any(l => l.Phrase.Norm == e.Norm));
        var others = kinds.Where(i => !Excepted(i)).ToList();
        var kept = others.Where(i => Belongs(i, group, place)).ToList();
        if (kept.Count == 0 && named)
        {
            // "the other ratings" with no words of the page to go by: the boxes lined up with the ones the task ticked.
            var acted = kinds.Where(Excepted).ToList();
            kept = others.Where(i => acted.Any(a => Aligned(a.Element.Bounds, i.Element.Bounds))).ToList();
        }

        if (kept.Count == 0)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0,
                $"no {(boxes ? "checkbox" : "field")} matches '{step.Target}', so whether it is {state} cannot be seen");
        }

        foreach (var item in kept)
        {
            var wrong = state switch
            {
                "checked" => item.Element.Checked != true,
                "unchecked" => item.Element.Checked != false,
                _ => !string.IsNullOrEmpty(item.Element.Value),
            };
            if (wrong)
            {
                var now = state is "empty" ? $"holds \"{item.Element.Value}\"" : item.Element.Checked is null ? "shows no state" : item.Element.Checked == true ? "is ticked" : "is not ticked";
                return new StepGrounding(GroundingStatus.NotFound, null, 0, $"{item.RoleWord} '{item.Display}' {now}, but the task says to leave it {state}") { Element = item.Element };
            }
        }

        var list = string.Join(", ", kept.Take(6).Select(i => $"'{i.Display}'")) + (kept.Count > 6 ? $" and {kept.Count - 6} more" : "");
        return new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"{list} {(kept.Count == 1 ? "is" : "are")} {state}, as the task says to leave {(kept.Count == 1 ? "it" : "them")}")
        {
            Element = kept[0].Element,
        };
    }

    // "Leave node-1-1 expanded", "keep the Billing section collapsed": what the page marks open or closed by that name.
    private static StepGrounding Folded(InterpretedStep step, Grounder g, string state)
    {
        var found = g.Find(new Search(step.Target, i => i.Element.Expanded is not null && !i.IsHidden) { SoftContext = step.Context is { } c ? Phrase.Of(c) : null });
        if (!found.IsAtLeast(0.55))
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"nothing that opens and closes matches '{step.Target}', so whether it is {state} cannot be seen");
        }

        var item = found.Best!.Item;
        return (item.Element.Expanded == true) == (state == "expanded")
            ? new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"{item.RoleWord} '{item.Display}' is {state}, as the task says to leave it") { Element = item.Element }
            : new StepGrounding(GroundingStatus.NotFound, null, 0, $"{item.RoleWord} '{item.Display}' is {(state == "expanded" ? "collapsed" : "expanded")}, but the task says to leave it {state}") { Element = item.Element };
    }

    /// <summary>The state of rows that keep their order ("keeping the others in their order").</summary>
    internal const string InOrder = "in order";

    // "Make Top products the first panel, keeping the others in their order": in every list box, the rows no step acted on
    // stand in the order they stood in when the task started (rows added or taken away since are not counted). With no
    // list box on the page, the rest is compared as "unchanged" is.
    private static StepGrounding Ordered(InterpretedStep step, Grounder g)
    {
        if (g.Memory?.Start is not { } start)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"the order when the task started is not known, so whether '{step.Target}' kept it cannot be seen");
        }

        var lists = StepResolver.ListBoxes(g.Page).ToList();
        if (lists.Count == 0)
        {
            return Unchanged(step with { Value = "unchanged" }, g);
        }

        var acted = start.Items.Concat(g.Page.Items).Where(i => g.Memory.ActedOn.Contains(i.Element.Id)).Select(i => i.Display).ToHashSet(StringComparer.Ordinal);
        var compared = 0;
        foreach (var list in lists)
        {
            if (StepResolver.SameListIn(start, list) is not { } then)
            {
                continue;
            }

            var before = StepResolver.RowsIn(start, then).Select(r => r.Display).Where(d => !acted.Contains(d)).ToList();
            var now = StepResolver.RowsIn(g.Page, list).Select(r => r.Display).Where(d => !acted.Contains(d)).ToList();
            var both = before.Intersect(now, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            var a = before.Where(both.Contains).ToList();
            var b = now.Where(both.Contains).ToList();
            if (!a.SequenceEqual(b, StringComparer.Ordinal))
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0,
                    $"in the list '{list.Display}' the other rows now stand {string.Join(", ", b.Select(d => $"'{d}'"))} (they stood {string.Join(", ", a.Select(d => $"'{d}'"))}), but the task says they keep their order")
                { Element = list.Element };
            }

            compared += a.Count;
        }

        return compared == 0
            ? new StepGrounding(GroundingStatus.NotFound, null, 0, $"no row of a list is left to compare, so whether '{step.Target}' kept their order cannot be seen")
            : new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"the {compared} other row(s) of the lists stand in the order they stood in when the task started");
    }

    // "Leave X as it is", "X must not change": X reads as it did when the task started (value, ticks, what it shows
    // expanded or selected; its place too when the step says where). Not shown now: it holds only when X was on the
    // page at the start and no step of the run acted on it. No record of the start: it cannot be told, and says so.
    private static StepGrounding Unchanged(InterpretedStep step, Grounder g)
    {
        const double Enough = 0.55;
        if (g.Memory?.Start is not { } start)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0,
                $"how '{step.Target}' looked when the task started is not known, so whether it is unchanged cannot be seen");
        }

        if (step.Target is { } collective && (OthersTarget().IsMatch(collective) || PluralKind().IsMatch(collective.Trim())))
        {
            // "the nested tabs", "the filter boxes": many of a kind, each compared (never one heading that names them).
            return RestUnchanged(step, g, start);
        }

        // "the dashboard order", "the invite list": a list box named so, as a whole (never one of its rows).
        var boxes = StepResolver.ListBoxesInOrder(g.Page);
        if (boxes.Count > 0 && ListWords().IsMatch(step.Target ?? "") && StepResolver.ListNamed(ListWords().Replace(step.Target!, " "), boxes) is { } box
            && StepResolver.SameListIn(start, box) is { } was)
        {
            // A list box is as it was when it holds the same rows in the same order.
            var held = StepResolver.RowsIn(start, was).Select(r => r.Display).ToList();
            var rows = StepResolver.RowsIn(g.Page, box).Select(r => r.Display).ToList();
            string Listed(List<string> names) => names.Count == 0 ? "no rows" : string.Join(", ", names.Select(n => $"'{n}'"));
            return held.SequenceEqual(rows, StringComparer.Ordinal)
                ? new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"the list '{box.Display}' holds {Listed(rows)}, in that order, as when the task started") { Element = box.Element }
                : new StepGrounding(GroundingStatus.NotFound, null, 0, $"the list '{box.Display}' now holds {Listed(rows)} (it held {Listed(held)}), but the task says it ends as it started") { Element = box.Element };
        }

        var search = new Search(step.Target, _ => true) { SoftContext = step.Context is { } c ? Phrase.Of(c) : null };
        var now = g.Find(search);
        if (now.IsAtLeast(Enough) && now.Best!.Item is var item && start.Items.FirstOrDefault(i => i.Element.Id == item.Element.Id) is { } before)
        {
            var moved = Where().IsMatch(step.Text);
            return Difference(before.Element, item.Element, moved) is { } change
                ? new StepGrounding(GroundingStatus.NotFound, null, 0, $"{item.RoleWord} '{item.Display}' {change}, but the task says to leave it as it was") { Element = item.Element }
                : new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"{item.RoleWord} '{item.Display}' is as it was when the task started{(moved ? ", in the same place" : "")}") { Element = item.Element };
        }

        var then = new Grounder(start, new HashSet<int>()).Find(search);
        if (then.IsAtLeast(Enough) && then.Best!.Item is var earlier && !(now.IsAtLeast(Enough) && now.Best!.Item.Element.Id != earlier.Element.Id))
        {
            return g.Memory.ActedOn.Contains(earlier.Element.Id)
                ? new StepGrounding(GroundingStatus.NotFound, null, 0, $"a step of this run acted on {earlier.RoleWord} '{earlier.Display}', which the task says to leave as it was")
                : new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"{earlier.RoleWord} '{earlier.Display}' is not shown now; no step of this run acted on it");
        }

        return new StepGrounding(GroundingStatus.NotFound, null, now.Best?.Confidence ?? 0,
            $"no element matches '{step.Target}' now and at the start both, so whether it is unchanged cannot be seen");
    }

    // "Clear the finished ones and keep the rest", "leave the others": every element that was on the page at the start,
    // is still there and no step acted on (nor named) reads as it did (value, ticks, selection, expanded); the group
    // named ("the other todos") narrows it to those when they can be told. What the steps before removed is gone, and
    // the message says how many are.
    private static StepGrounding RestUnchanged(InterpretedStep step, Grounder g, PageIndex start)
    {
        var except = step.Except.Select(Phrase.Of).Where(p => !p.IsEmpty).ToList();
        bool Excepted(PageItem i) => g.Memory!.ActedOn.Contains(i.Element.Id) || except.Any(e => i.Labels.Any(l => l.Phrase.Norm == e.Norm));
        var (kindless, kind) = TargetQuery.StripRoleWords(step.Target ?? "");
        var group = Phrase.Of(string.Join(' ', kindless.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !OtherWords.Contains(w) && w is not ("the" or "them" or "any"))));
        // "Do not change any check boxes": of that kind only.
        var then = start.Items.Where(i => !Excepted(i) && (kind is RoleHint.None or RoleHint.Section || i.Fits(kind))).ToList();
        var grouped = group.IsEmpty ? [] : then.Where(i => Belongs(i, group, null) || TextMatch.Coverage(group, i.Labels.SelectMany(l => l.Phrase.Tokens).Append(i.RoleWord).ToList()) >= 0.5).ToList();
        var kept = grouped.Count > 0 ? grouped : then;
        var compared = 0;
        var gone = 0;
        var matched = new HashSet<int>();
        foreach (var before in kept)
        {
            // A list drawn again has new elements: the same role and name is the same thing.
            var item = g.Page.Items.FirstOrDefault(i => i.Element.Id == before.Element.Id)
                ?? (before.Display.Length == 0 ? null : g.Page.Items.FirstOrDefault(i => !matched.Contains(i.Element.Id) && start.Items.All(s => s.Element.Id != i.Element.Id)
                    && i.Role == before.Role && string.Equals(i.Display, before.Display, StringComparison.Ordinal)));
            if (item is null)
            {
                gone++;
                continue;
            }

            matched.Add(item.Element.Id);

            compared++;
            if (Difference(before.Element, item.Element, place: false) is { } change)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, $"{item.RoleWord} '{item.Display}' {change}, but the task says to leave the rest as it was") { Element = item.Element };
            }
        }

        if (compared == 0)
        {
            return new StepGrounding(GroundingStatus.NotFound, null, 0, $"nothing that was on the page at the start is left to compare, so whether '{step.Target}' is unchanged cannot be seen");
        }

        return new StepGrounding(GroundingStatus.AlreadyDone, null, 1,
            $"the {compared} element(s) left of the start that no step acted on read as they did{(gone > 0 ? $" ({gone} others are gone after the steps before)" : "")}");
    }

    private static string? Difference(UiElement then, UiElement now, bool place)
    {
        if (!string.Equals(then.Value ?? "", now.Value ?? "", StringComparison.Ordinal))
        {
            return $"now reads \"{now.Value}\" (it read \"{then.Value}\")";
        }

        if (then.Checked != now.Checked)
        {
            return now.Checked == true ? "is now ticked" : "is no longer ticked";
        }

        if (then.Selected != now.Selected || then.Expanded != now.Expanded)
        {
            return now.Expanded != then.Expanded ? (now.Expanded == true ? "is now expanded" : "is now collapsed") : (now.Selected == true ? "is now selected" : "is no longer selected");
        }

        var (x0, y0) = then.Bounds.Center;
        var (x1, y1) = now.Bounds.Center;
        return place && Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) > 8 ? FormattableString.Invariant($"moved from ({x0:0},{y0:0}) to ({x1:0},{y1:0})") : null;
    }

    // "the other boxes", "the rest"; "any check boxes", "all the fields", "every box": a group, not one thing.
    [GeneratedRegex(@"^(?:(?:the|all)\s+)*(?:other|others|rest|remaining)\b|^(?:any|every|each|all(?:\s+the)?)\s+(?:of\s+the\s+)?\S", RegexOptions.IgnoreCase)]
    private static partial Regex OthersTarget();

    [GeneratedRegex(@"\b(?:tabs|checkboxes|check\s+boxes|boxes|fields|options|buttons|switches|toggles|radios|radio\s+buttons|sliders|inputs)$", RegexOptions.IgnoreCase)]
    private static partial Regex PluralKind();

    [GeneratedRegex(@"\b(?:order|ordering|sequence|list|listbox)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListWords();

    [GeneratedRegex(@"\b(?:where it is|where they are|in place|move|moved|position)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Where();

    // In the group the words name (its legend, heading or label words), or in the place the task named.
    private static bool Belongs(PageItem item, Phrase group, Phrase? place)
    {
        var around = Grounder.Surroundings(item);
        if (!group.IsEmpty && TextMatch.Coverage(group, around) >= 0.5)
        {
            return true;
        }

        if (place is not null && TextMatch.Coverage(place, around) >= 0.5)
        {
            return true;
        }

        return false;
    }

    // On the same row or in the same column, and close: a group of boxes is laid out together.
    private static bool Aligned(Perception.ScreenRect a, Perception.ScreenRect b)
    {
        var sameRow = Math.Abs(a.Center.Y - b.Center.Y) < Math.Max(a.Height, b.Height) / 2;
        var sameColumn = Math.Abs(a.X - b.X) < 6;
        var gap = Math.Max(Math.Abs(a.Center.X - b.Center.X), Math.Abs(a.Center.Y - b.Center.Y));
        return (sameRow || sameColumn) && gap < 400;
    }
}
