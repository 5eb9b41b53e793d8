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
