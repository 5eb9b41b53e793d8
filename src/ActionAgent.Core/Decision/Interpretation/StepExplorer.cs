using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// When a step's target is not on the page, proposes one look that may bring it out, within a budget: hovering the
/// row the step names ("Delete the todo X": its × shows on hover). Each look comes with the reason it is tried.
/// </summary>
internal sealed class StepExplorer(StepInterpreterOptions options)
{
    /// <summary>The next exploring action and why, or null when nothing is left worth trying.</summary>
    public (BrowserAction Action, string Reason)? Next(InterpretedStep step, PageIndex page, IReadOnlySet<int> tried)
    {
        if (step.Context is not { Length: > 0 } owner || step.Kind is not (StepKind.Click or StepKind.Check or StepKind.Uncheck or StepKind.DoubleClick))
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
}
