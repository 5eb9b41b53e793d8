namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Grounding of <see cref="StepKind.ClickUntil"/>: the goal is read from the page each time (the selected step tab of a
/// wizard, or the tab or heading named); reached, the step is done; otherwise one more click on the control, grounded
/// again after it. A wizard with no step the page marks as current cannot be counted, and the step says so.
/// </summary>
internal sealed partial class StepResolver
{
    internal static readonly string[] ForwardNames = ["Next", "Continue", "Forward", "Next step", "›", "»", ">"];
    internal static readonly string[] BackNames = ["Previous", "Back", "Prev", "‹", "«", "<"];

    private StepGrounding ClickUntil(InterpretedStep step, Grounder g)
    {
        var goal = step.Value ?? "";
        bool forward;
        if (goal.StartsWith('#') && int.TryParse(goal[1..], out var n))
        {
            var tabs = g.Page.Items.Where(i => i.Role == "tab").OrderBy(i => i.Order).ToList();
            var current = tabs.FindIndex(t => t.Element.Selected == true) + 1;
            if (current == 0 || tabs.Count(t => t.Element.Selected == true) != 1)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, "no step of a wizard is shown as the current one, so which step the page is on cannot be told");
            }

            if (current == n)
            {
                return new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"step {n} ('{tabs[n - 1].Display}') is the current one") { Element = tabs[n - 1].Element };
            }

            if (n > tabs.Count)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, $"the wizard has {tabs.Count} steps, not {n}");
            }

            forward = n > current;
        }
        else
        {
            // A step tab may carry more words than its name ("current step: 4. Forth Step", "2. Address"): it ends with them.
            var reached = g.Page.Items.FirstOrDefault(i => (string.Equals(i.Display.Trim(), goal, StringComparison.OrdinalIgnoreCase)
                    || i.Display.Trim().EndsWith(" " + goal, StringComparison.OrdinalIgnoreCase))
                && (i.Role == "tab" ? i.Element.Selected == true : i.Role == "heading" && !i.IsHidden && !i.Element.IsOffscreen));
            if (reached is not null)
            {
                return new StepGrounding(GroundingStatus.AlreadyDone, null, 1, $"{reached.RoleWord} '{reached.Display}' is shown{(reached.Role == "tab" ? " as the current step" : "")}") { Element = reached.Element };
            }

            forward = true;
        }

        var control = step.Target is { } named
            ? g.Find(new Search(named, i => i.IsInteractive && !i.Element.Disabled) { ForClick = true })
            : g.Find(new Search(forward ? ForwardNames[0] : BackNames[0], i => i.IsInteractive && !i.Element.Disabled)
            {
                Alternatives = forward ? ForwardNames[1..] : BackNames[1..],
                ForClick = true,
            });
        if (!control.IsAtLeast(Min))
        {
            return NotFound("control", control);
        }

        var c = control.Best!;
        return Grounded(new ClickAction(TargetOf(c)), c, $"; not there yet ({goal})") with { Repeats = true };
    }
}
