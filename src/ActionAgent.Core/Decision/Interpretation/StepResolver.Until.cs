using System.Text.RegularExpressions;

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
        List<PageItem>? wizard = null;
        if (goal.StartsWith('#') && (goal == "#last" || int.TryParse(goal[1..], out _)))
        {
            // Each tab list with one tab shown as current is a wizard (or a tab box) whose place can be counted; with
            // several, the place the step names picks one ("the second one", "the vertical-style wizard").
            var lists = g.Page.Items.Where(i => i.Role == "tab").GroupBy(i => i.Element.TabList ?? -1)
                .Select(l => l.OrderBy(i => i.Order).ToList())
                .Where(l => l.Count >= 2 && l.Count(t => t.Element.Selected == true) == 1)
                .OrderBy(l => l[0].Order).ToList();
            wizard = lists.Count == 1 ? lists[0] : WizardNamed(g, lists, step.Context);
            if (wizard is null && lists.Count > 1 && string.IsNullOrWhiteSpace(step.Context))
            {
                // "… first name Lena. Then continue to step 2": the wizard the run has been working in; else, a tab box
                // and one wizard: the wizard is the list a Next or Previous control follows.
                wizard = WorkedIn(g, lists) ?? (lists.Where(l => StepControlFollows(g, l)).ToList() is [var only] ? only : null);
            }

            if (wizard is null)
            {
                return new StepGrounding(GroundingStatus.NotFound, null, 0, lists.Count == 0
                    ? "no step of a wizard is shown as the current one, so which step the page is on cannot be told"
                    : $"the page has {lists.Count} wizards or tab lists ({string.Join("; ", lists.Select(l => string.Join(", ", l.Select(t => t.Display))))}) and the step does not say which one (for example \"in the second wizard\")");
            }

            var tabs = wizard;
            var current = tabs.FindIndex(t => t.Element.Selected == true) + 1;
            var n = goal == "#last" ? tabs.Count : int.Parse(goal[1..], System.Globalization.CultureInfo.InvariantCulture);
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
        if (wizard is not null && step.Target is null)
        {
            // Every wizard has its own Next: the one that follows this wizard's steps, before the next list's.
            var (after, until) = Span(g, wizard);
            c = control.Ranked.Where(r => r.Score >= Min && r.Item.Order > after && r.Item.Order < until).OrderBy(r => r.Item.Order).FirstOrDefault() ?? c;
        }

        return Grounded(new ClickAction(TargetOf(c)), c, $"; not there yet ({goal})") with { Repeats = true };
    }

    // Where a wizard's own controls are: after its last step tab, before the next tab list begins.
    private static (int After, int Until) Span(Grounder g, List<PageItem> list)
    {
        var after = list[^1].Order;
        return (after, g.Page.Items.Where(i => i.Role == "tab" && i.Order > after && i.Element.TabList != list[0].Element.TabList)
            .Select(i => i.Order).DefaultIfEmpty(int.MaxValue).Min());
    }

    // The one list whose span (its tabs, its panel, its own controls) holds elements the run's steps acted on.
    private static List<PageItem>? WorkedIn(Grounder g, List<List<PageItem>> lists)
    {
        if (g.Memory is not { ActedOn.Count: > 0 } memory)
        {
            return null;
        }

        var acted = g.Page.Items.Where(i => memory.ActedOn.Contains(i.Element.Id)).Select(i => i.Order).ToList();
        return lists.Where(l => Span(g, l) is var (_, until) && acted.Any(o => o >= l[0].Order && o < until)).ToList() is [var one] ? one : null;
    }

    private static bool StepControlFollows(Grounder g, List<PageItem> list)
    {
        var (after, until) = Span(g, list);
        return g.Page.Items.Any(i => i.IsInteractive && i.Order > after && i.Order < until
            && ForwardNames.Concat(BackNames).Any(n => string.Equals(i.Display.Trim(), n, StringComparison.OrdinalIgnoreCase)));
    }

    // The tab list a place names: counted ("the second one", "the first wizard") or by the words around it ("the
    // vertical-style wizard" under "Example: Vertical Style"); null when the place picks none or none is named.
    private static List<PageItem>? WizardNamed(Grounder g, List<List<PageItem>> lists, string? place)
    {
        if (lists.Count == 0 || string.IsNullOrWhiteSpace(place))
        {
            return null;
        }

        if (NthWizard().Match(place) is { Success: true } m)
        {
            // "the second one" (of the wizards) counts wizards, the lists a Next or Previous follows; "the second tab box" all.
            if (!m.Groups["noun"].Value.StartsWith("tab", StringComparison.OrdinalIgnoreCase) && lists.Where(l => StepControlFollows(g, l)).ToList() is { Count: > 0 } wizards)
            {
                lists = wizards;
            }

            var n = m.Groups["n"].Value;
            var k = n.Equals("last", StringComparison.OrdinalIgnoreCase) ? lists.Count : StepParser.StepNumber(n) ?? 0;
            return k >= 1 && k <= lists.Count ? lists[k - 1] : null;
        }

        var words = Phrase.Of(place);
        var scored = lists.Select(l => (List: l, Score: l.Max(t => TextMatch.Coverage(words, Grounder.Surroundings(t).Concat(t.Headings.SelectMany(h => Phrase.Of(h).Tokens)).ToList())))).ToList();
        var best = scored.Max(x => x.Score);
        return best > 0 && scored.Count(x => x.Score >= best - 1e-9) == 1 ? scored.First(x => x.Score >= best - 1e-9).List : null;
    }

    [GeneratedRegex(@"^\s*(?:in\s+|on\s+)?(?:the\s+)?(?<n>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?<noun>one|wizard|stepper|form|example|tab\s+box|tabs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NthWizard();
}
