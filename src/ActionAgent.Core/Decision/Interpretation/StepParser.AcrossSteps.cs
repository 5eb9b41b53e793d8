using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Passes over the parsed steps that read one step by the steps around it: the tab a step is placed on is opened before
/// it, "change it to X" after a value set in a named field sets that field again, and "back again" after a move of the
/// months moves them back.
/// </summary>
internal static partial class StepParser
{
    // "On the TV Series tab pick Firefly, then on the Actors tab choose …": a step placed on a tab is done there, so the tab
    // is opened first (a click on the tab already open is nothing to do). Once per place: the steps after on the same tab
    // are done there too.
    private static List<InterpretedStep> OpenNamedTabs(List<InterpretedStep> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Context is not { } place || NamedTab().Match(place) is not { Success: true } tab
                || i > 0 && string.Equals(steps[i - 1].Context, place, StringComparison.OrdinalIgnoreCase)
                || steps[i] is { Kind: StepKind.Click, Role: RoleHint.Tab })
            {
                continue;
            }

            var target = $"the {tab.Groups["name"].Value.Trim()} tab";
            if (i > 0 && steps[i - 1] is { Kind: StepKind.Click } before && string.Equals(before.Target, target, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            steps.Insert(i, Step(StepKind.Click, $"open {target}", target: target) with { Role = RoleHint.Tab, OpensPlace = true });
            i++;
        }

        return steps;
    }

    // "Set Gender to Dudette, then change it back to Dude": after a value set in a named field (no editor opened), "change
    // it to X" sets that field again; it replaces the text of an open editor only after a step that opened one.
    private static List<InterpretedStep> SetAgain(List<InterpretedStep> steps)
    {
        for (var i = 1; i + 1 < steps.Count; i++)
        {
            if (steps[i] is { Kind: StepKind.PressKey, InEditor: true, Value: "Control+A" } && steps[i + 1] is { Kind: StepKind.Type, InEditor: true, Value: { } value }
                && steps[i - 1] is { Kind: StepKind.Set or StepKind.Select, Target: { Length: > 0 } field })
            {
                steps[i] = Step(StepKind.Set, $"set {field} to {value} again", target: field, value: value);
                steps.RemoveAt(i + 1);
            }
        }

        return steps;
    }

    // "Move the calendar forward a month and then back again": a step that is only "back (again)" after a move of the
    // months is the same move the other way, in the same place.
    private static List<InterpretedStep> BackAgain(List<InterpretedStep> steps)
    {
        for (var i = 1; i < steps.Count; i++)
        {
            if (steps[i - 1] is { Kind: StepKind.Drag, Value: { } moved } row && moved.StartsWith(Places, StringComparison.Ordinal)
                && moved[Places.Length..].Split(' ') is [("up" or "down") and var dir, var n] && BackInList().Match(steps[i].Text.Trim().TrimEnd('.', '!')) is { Success: true } back
                && back.Groups["dir"].Value.ToLowerInvariant() is var way && (way.Length == 0 || way != dir))
            {
                // "Move Revenue down one place, then back up again": the same row, the same places, the other way.
                steps[i] = row with { Text = $"{steps[i].Text} (undoing: {row.Text})", Value = $"{Places}{(dir == "up" ? "down" : "up")} {n}", Otherwise = null };
                continue;
            }

            if (steps[i] is { Kind: StepKind.Implicit, Target: { } bare } && BackToValue().Match(bare.Trim().TrimEnd('.', '!')) is { Success: true } backTo
                && steps[i - 1] is { Kind: StepKind.Set or StepKind.Select or StepKind.Type, Target: { Length: > 0 }, Value: { Length: > 0 } } set)
            {
                // "switch the DropDown to two, then back to one": the same control set again, to the value named.
                steps[i] = set with { Text = $"{steps[i].Text} (setting {set.Target} again)", Value = backTo.Groups["v"].Value.Trim() };
                continue;
            }

            if (!BackOnly().IsMatch(steps[i].Text.Trim().TrimEnd('.', '!')) || steps[i - 1] is not { Kind: StepKind.ShowMonth } last)
            {
                continue;
            }

            // The whole move is undone: "forward three months" was read as three steps of one month ("(2 of 3)").
            var sentence = Counted().Replace(last.Text, "");
            var moves = new List<InterpretedStep>();
            for (var j = i - 1; j >= 0 && steps[j] is { Kind: StepKind.ShowMonth, Value: { Length: > 1 } v } m && v[0] is '+' or '-'
                && Counted().Replace(m.Text, "") == sentence && m.Context == last.Context; j--)
            {
                moves.Add(m);
            }

            if (moves.Count == 0)
            {
                continue;
            }

            // The words of the move stay in the step (they say which calendar), so the place is read as it was.
            var said = steps[i].Text;
            steps.RemoveAt(i);
            steps.InsertRange(i, moves.Select((m, k) => m with
            {
                Text = moves.Count == 1 ? $"{said} (undoing: {sentence})" : $"{said} (undoing: {sentence}, {k + 1} of {moves.Count})",
                Value = (m.Value![0] == '+' ? "-" : "+") + m.Value[1..],
            }));
            i += moves.Count - 1;
        }

        return steps;
    }

    [GeneratedRegex(@"^(?:(?:and|then|and\s+then)\s+)?(?:(?:move|take|bring|put|shift|push)\s+(?:it|him|her|them)\s+)?back(?:\s+(?<dir>up|down))?(?:\s+again)?(?:\s+(?:by\s+)?the\s+same)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BackInList();

    [GeneratedRegex(@"\s*\(\d+ of \d+\)$")]
    private static partial Regex Counted();

    [GeneratedRegex(@"^(?:(?:and|then|and\s+then)\s+)?(?:(?:go|move|come|step|page|navigate|take\s+it|bring\s+it|move\s+it|turn\s+it)\s+)?back(?:\s+again)?(?:\s+(?:by\s+)?(?:the\s+same|as\s+much|one\s+month|a\s+month))?$", RegexOptions.IgnoreCase)]
    private static partial Regex BackOnly();

    // "the TV Series tab", "the "Actors" tab": a place that is a tab.
    [GeneratedRegex(@"^(?:the\s+)?(?<name>(?:\S+\s+){0,3}\S+)\s+tab$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedTab();

    // "(then) back to one (as it was)": the value the control before is to be set to again.
    [GeneratedRegex(@"^(?:and\s+)?(?:then\s+)?(?:(?:set|switch|change|put|turn)\s+it\s+)?back\s+to\s+(?<v>\S.*?)(?:,?\s+(?:as\s+(?:it|they)\s+(?:was|were)(?:\s+before)?|as\s+before|again))?$", RegexOptions.IgnoreCase)]
    private static partial Regex BackToValue();
}
