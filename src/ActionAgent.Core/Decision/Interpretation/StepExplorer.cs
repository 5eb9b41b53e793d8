using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// When a step's target is not on the page, proposes one look that may bring it out, within a budget: opening the closed
/// branch that holds it ("Untick node-0-1-1" under a closed node-0-1; "In the Reports folder, tick q3.pdf"), or hovering
/// the row the step names ("Delete the todo X": its × shows on hover). Each look comes with the reason it is tried.
/// </summary>
internal sealed class StepExplorer(StepInterpreterOptions options)
{
    /// <summary>The next exploring action and why, or null when nothing is left worth trying.</summary>
    public (BrowserAction Action, string Reason)? Next(InterpretedStep step, PageIndex page, IReadOnlySet<int> tried)
    {
        if (step.Kind is not (StepKind.Click or StepKind.Check or StepKind.Uncheck or StepKind.DoubleClick))
        {
            return null;
        }

        if (ClosedBranch(step, page, tried) is { } branch)
        {
            var at = ActionTarget.Element(branch.Element.Id, branch.Display);
            return (new ClickAction(at), $"opening {branch.RoleWord} '{branch.Display}', a closed branch that may hold it");
        }

        if (step.Context is not { Length: > 0 } owner)
        {
            return null;
        }

        // The thing the control belongs to, shown as text or a control of its own; hovering it reveals its row's controls.
        var g = new Grounder(page, new HashSet<int>());
        var found = g.Find(new Search(owner, i => !tried.Contains(i.Element.Id) && !i.Element.IsOffscreen && !i.IsHidden));
        if (!found.IsAtLeast(options.MinScore))
        {
            // "the last todo", "the third row": counted by the rows' boxes; hovering a row's box is hovering the row.
            found = g.Find(new Search(owner, i => i.IsCheckable && !tried.Contains(i.Element.Id) && !i.Element.IsOffscreen && !i.IsHidden) { KindCounts = true });
        }

        if (!found.IsAtLeast(options.MinScore) || found.Best is not { } row)
        {
            return null;
        }

        var target = ActionTarget.Element(row.Item.Element.Id, row.Item.Display);
        return (new HoverAction(target), $"hovering {row.Item.RoleWord} '{row.Item.Display}' to reveal the controls of its row");
    }

    /// <summary>
    /// An unnamed icon button to hover so its tooltip names it (a toolbar drawn as icons whose names show only under the
    /// pointer), the next in reading order; null when the step does not point at a named thing or none is left.
    /// </summary>
    public (BrowserAction Action, string Reason)? NextTooltip(InterpretedStep step, PageIndex page, IReadOnlySet<int> tried)
    {
        // A named target, or the month arrows of a calendar that shows none ("Previous Month" and "Next Month" drawn as
        // icons).
        var named = step.Kind is StepKind.Click or StepKind.DoubleClick or StepKind.Hover && !string.IsNullOrWhiteSpace(step.Target);
        var arrows = step.Kind == StepKind.ShowMonth && CalendarView.Read(page) is { } calendar && (calendar.Previous is null || calendar.Next is null);
        if (!named && !arrows)
        {
            return null;
        }

        // The icons whose drawing says something like it first (an arrow for a month arrow; "add" for "Add Event"), then
        // the rest in reading order.
        var wanted = named ? Words(step.Target!) : ArrowWords;
        var icon = page.Items.Where(i => i.Role == "button" && i.Element.Name.Length == 0 && string.IsNullOrEmpty(i.Element.Text)
                && !i.IsHidden && !i.Element.IsOffscreen && !i.Element.Disabled && !tried.Contains(i.Element.Id)
                && i.Element.Bounds.Width <= 48 && i.Element.Bounds.Height <= 48)
            .OrderBy(i => Words(i.Element.Icon ?? "").Overlaps(wanted) ? 0 : 1)
            .ThenBy(i => i.Element.Bounds.Y).ThenBy(i => i.Element.Bounds.X)
            .FirstOrDefault();
        if (icon is null)
        {
            return null;
        }

        var at = ActionTarget.Element(icon.Element.Id, icon.Display.Length > 0 ? icon.Display : "an unnamed icon");
        return (new HoverAction(at), $"hovering an unnamed icon button at ({icon.Element.Bounds.X:0},{icon.Element.Bounds.Y:0}) to read its tooltip");
    }

    private static readonly HashSet<string> ArrowWords = ["arrow", "chevron", "caret", "angle", "left", "right", "prev", "previous", "next", "back", "forward"];

    // What an icon draws for a word of a name: "Next Month" is a right arrow, "New Event" a plus.
    private static readonly Dictionary<string, string[]> Drawn = new(StringComparer.Ordinal)
    {
        ["next"] = ["right", "arrow", "forward"], ["previous"] = ["left", "arrow", "back"], ["prev"] = ["left", "arrow", "back"],
        ["back"] = ["left", "arrow"], ["forward"] = ["right", "arrow"], ["new"] = ["add", "plus"], ["create"] = ["add", "plus"],
        ["add"] = ["plus"], ["remove"] = ["delete", "trash", "close"], ["delete"] = ["trash", "remove"], ["find"] = ["search"],
        ["menu"] = ["hamburger", "bars"], ["edit"] = ["pencil"], ["settings"] = ["cog", "gear"],
    };

    private static HashSet<string> Words(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', '-', '_', '.', ',', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1).ToHashSet();
        foreach (var w in words.ToList())
        {
            if (Drawn.TryGetValue(w, out var drawn))
            {
                words.UnionWith(drawn);
            }
        }

        return words;
    }

    // A closed branch that names the target's parent: codes and paths spell their parents ("node-0-1" of "node-0-1-1"),
    // so the closed item whose name begins the target's, the longest such; or the place the step names ("In the Reports
    // folder"). Nothing else is opened: a look changes the page, and only one with a reason is taken.
    private PageItem? ClosedBranch(InterpretedStep step, PageIndex page, IReadOnlySet<int> tried)
    {
        var closed = page.Items.Where(i => i.Element.Expanded == false && !i.IsHidden && !i.Element.Disabled && !i.IsEditable && !i.IsSelectable
            && !tried.Contains(i.Element.Id) && i.Display.Length > 0).ToList();
        if (closed.Count == 0)
        {
            return null;
        }

        var target = Phrase.Of(TargetQuery.StripPurpose(step.Target ?? "")).Norm;
        var parent = target.Length == 0 ? null : closed.Where(i => Phrase.Of(i.Display).Norm is { Length: > 0 } n && target.StartsWith(n + " ", StringComparison.Ordinal))
            .MaxBy(i => Phrase.Of(i.Display).Norm.Length);
        if (parent is not null || step.Context is not { Length: > 0 } place)
        {
            return parent;
        }

        var found = new Grounder(page, new HashSet<int>()).Find(new Search(place, i => closed.Contains(i)));
        return found.IsAtLeast(options.MinScore) ? found.Best!.Item : null;
    }
}
