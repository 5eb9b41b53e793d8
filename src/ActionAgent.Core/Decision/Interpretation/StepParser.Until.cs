using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>"Advance the wizard to the third step", "move forward to step 3", "click Next until you reach "Forth Step"".</summary>
internal static partial class StepParser
{
    private static InterpretedStep? ParseUntil(string text, string display, ClauseText q)
    {
        if (OneStepBack().Match(text) is { Success: true } back)
        {
            // "go back one step with Previous": the wizard's control, never the browser's Back.
            return Step(StepKind.Click, display, target: back.Groups["c"].Success ? q.Restore(back.Groups["c"].Value.Trim(), true) : StepResolver.BackNames[0]) with
            {
                Alternatives = back.Groups["c"].Success ? [] : StepResolver.BackNames[1..],
            };
        }

        if (OneStepOn().Match(text) is { Success: true } on)
        {
            // "move ahead one step", "go on to the next step": the wizard's forward control, once.
            return Step(StepKind.Click, display, target: on.Groups["c"].Success ? q.Restore(on.Groups["c"].Value.Trim(), true) : StepResolver.ForwardNames[0]) with
            {
                Alternatives = on.Groups["c"].Success ? [] : StepResolver.ForwardNames[1..],
            };
        }

        if (BackWithControl().Match(text) is { Success: true } ret)
        {
            // "return with previous", "go back using the Back button": the wizard's backward control, once.
            return Step(StepKind.Click, display, target: StepResolver.BackNames[0]) with { Alternatives = StepResolver.BackNames[1..] };
        }

        if (ForwardToNamed().Match(text) is { Success: true } ahead && StepNumber(ahead.Groups["name"].Value) is null && !ahead.Groups["name"].Value.StartsWith("step", StringComparison.OrdinalIgnoreCase))
        {
            // "move forward to Details", "go on to the Address tab": the step of that name, its tab clicked.
            return Step(StepKind.Click, display, target: q.Restore(ahead.Groups["name"].Value.Trim(), true)) with { Role = RoleHint.Tab };
        }

        if (EndUpOn().Match(text) is { Success: true } end && StepNumber(end.Groups["n"].Value) is { } at)
        {
            // "You should end up on step two": checked, and reached if it is not so.
            return Step(StepKind.ClickUntil, display, value: $"#{at}");
        }

        if (ToNthTab().Match(text) is { Success: true } tab)
        {
            return Step(StepKind.Click, display, target: $"the {tab.Groups["ord"].Value} tab");
        }

        // "Go to its first tab" is a tab of a tab box; a wizard's tab is counted so only when the wizard is named.
        if (ToStep().Match(text) is { Success: true } to && !(to.Groups["tab"].Success && !to.Groups["place"].Success) && (to.Groups["last"].Success
            ? "last"
            : StepNumber(to.Groups["ord"].Success ? to.Groups["ord"].Value : to.Groups["n"].Value)?.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } n)
        {
            // "Take the vertical-style wizard all the way to its last step": the place named is the wizard's.
            var place = to.Groups["place"].Success ? q.Restore(to.Groups["place"].Value.Trim(), false) : null;
            return Step(StepKind.ClickUntil, display, value: $"#{n}") with { Context = place };
        }

        if (ClickUntilText().Match(text) is { Success: true } until)
        {
            var goal = Remark().Replace(q.Restore(until.Groups["what"].Value.Trim(), keepQuotes: false), "").Trim().TrimEnd('.');
            return goal.Length == 0 ? null : Step(StepKind.ClickUntil, display, target: q.Restore(until.Groups["control"].Value.Trim(), true), value: goal);
        }

        return null;
    }

    internal static int? StepNumber(string word) => Ordinals.Number(word);

    [GeneratedRegex(@"^(?:advance|move|take|bring|step|go|get|page|navigate|continue|proceed|carry\s+on)\s+(?:(?<place>(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?(?:wizard|form|stepper|steps|dialog)(?:\s+on\s+(?:the|this)\s+page)?(?:\s*\([^)]*\))?)\s+)?(?:on\s+|forward\s+|ahead\s+|back\s+|through\s+|all\s+the\s+way\s+)?(?:to|until)\s+(?:the\s+|its\s+)?(?:(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|1st|2nd|3rd|4th|5th|6th|7th|8th)\s+(?:step|page|stage|(?<tab>tab))|(?<last>last|final)\s+(?:step|page|stage|tab)|(?:step|page|stage)\s+(?<n>\d|one|two|three|four|five|six|seven|eight))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToStep();

    [GeneratedRegex(@"^(?:click|press|hit|tap)\s+(?<control>.+?)\s+until\s+(?:you\s+(?:reach|get\s+to|see|are\s+on)|it\s+(?:shows|says|reaches)|the\s+page\s+shows|(?:you\s+)?reaching)\s+(?:the\s+)?(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ClickUntilText();

    // "Go through the whole wizard: click Next until …": what the steps after the colon do, not a step of its own.
    [GeneratedRegex(@"^(?:go|work|walk|click|run)\s+through\b", RegexOptions.IgnoreCase)]
    private static partial Regex GoThrough();

    [GeneratedRegex(@"^(?:go|move|step)\s+back\s+(?:one|a|1)\s+(?:step|page|stage)(?:\s+(?:with|using|via|by\s+clicking)\s+(?<c>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex OneStepBack();

    [GeneratedRegex(@"^(?:go|move|step|advance|continue|proceed|carry)\s+(?:on\s+|ahead\s+|forward\s+)?(?:(?:one|a|1)\s+(?:step|page|stage)|to\s+the\s+next\s+(?:step|page|stage))(?:\s+(?:ahead|forward|further|on))?(?:\s+(?:with|using|via|by\s+clicking)\s+(?<c>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex OneStepOn();

    [GeneratedRegex(@"^(?:you|it|the\s+wizard)\s+should\s+(?:now\s+)?(?:end\s+up|be|land|stay)\s+on\s+(?:step|page|stage)\s+(?<n>\d|one|two|three|four|five|six|seven|eight)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EndUpOn();

    [GeneratedRegex(@"^(?:switch|change|go|move|turn)\s+(?:the\s+)?(?:tab\s+control|tabs|tab\s+strip|tabset|tab\s+widget)?\s*(?:to|over\s+to)\s+(?:its|the)\s+(?<ord>first|second|third|fourth|fifth|sixth|last|1st|2nd|3rd|4th|5th|6th)\s+tab$", RegexOptions.IgnoreCase)]
    private static partial Regex ToNthTab();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Remark();

    [GeneratedRegex(@"^(?:return|go\s+back|step\s+back|come\s+back|head\s+back)\s+(?:with|using|via|by\s+clicking|by\s+pressing)\s+(?:the\s+)?(?:previous|prev|back)(?:\s+(?:button|link))?$", RegexOptions.IgnoreCase)]
    private static partial Regex BackWithControl();

    [GeneratedRegex(@"^(?:move|go|step|skip|advance)\s+(?:forward|ahead|on|onward|onwards)\s+to\s+(?:the\s+)?(?<name>[^,]+?)(?:\s+(?:tab|step|page|stage|pane))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardToNamed();
}
