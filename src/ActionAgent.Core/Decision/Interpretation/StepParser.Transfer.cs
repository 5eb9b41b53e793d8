using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Moves between two lists ("Move Julia Weber back to the Department list", "Take Julia Weber off the Invited list",
/// "move Texas and Ohio over to the selected list"): a drag whose value names the list it goes to, or "off" the list it
/// leaves. On a page without two list boxes the sentence's other reading is kept (<see cref="InterpretedStep.Otherwise"/>):
/// "Remove Alice from the list" on a page with a remove button per row presses that button, as before.
/// </summary>
internal static partial class StepParser
{
    /// <summary>The value of a move off a list: "off " and the list's words.</summary>
    internal const string OffList = "off ";

    /// <summary>The value of a move within a list: "place ", then "up" or "down" and the number of places.</summary>
    internal const string Places = "place ";

    private static InterpretedStep? ParseTransfer(string text, string display, ClauseText q)
    {
        if (Reorder().Match(text) is { Success: true } order)
        {
            // "Move Support tickets up one place on the dashboard": within its list, by the list's up / down button.
            var n = order.Groups["n"].Value.ToLowerInvariant() is "" or "a" or "an" ? 1 : Ordinals.Number(order.Groups["n"].Value) ?? 1;
            return Step(StepKind.Drag, display, target: q.Restore(order.Groups["x"].Value.Trim(), true),
                value: FormattableString.Invariant($"{Places}{order.Groups["dir"].Value.ToLowerInvariant()} {n}"));
        }

        // "the list" alone names no one of two lists: "take the fifth entry in the list" is read as before.
        static bool Names(Match m) => Phrase.Of(m.Groups["list"].Value).Tokens.Any(t => !TextMatch.IsStopWord(t) && t is not ("list" or "listbox" or "box" or "side"));
        if (IntoList().Match(text) is { Success: true } into && Names(into))
        {
            return Step(StepKind.Drag, display, target: q.Restore(into.Groups["x"].Value.Trim(), true), value: q.Restore(into.Groups["list"].Value.Trim(), false));
        }

        return OffOfList().Match(text) is { Success: true } off && Names(off)
            ? Step(StepKind.Drag, display, target: q.Restore(off.Groups["x"].Value.Trim(), true), value: OffList + q.Restore(off.Groups["list"].Value.Trim(), false))
            : null;
    }

    [GeneratedRegex(@"^(?:move|send|add|put|bring|transfer|shift|take|change)\s+(?<x>.+?)\s+(?:(?:back|over|across)\s+)?(?:to|onto|into|in|on)\s+(?<list>(?:the\s+)?(?:[\w""'-]+\s+){0,3}?(?:list|listbox|list\s+box|side))$", RegexOptions.IgnoreCase)]
    private static partial Regex IntoList();

    [GeneratedRegex(@"^(?:move|shift|bump|push|bring|take)\s+(?<x>.+?)\s+(?<dir>up|down)\s+(?:by\s+)?(?:(?<n>one|two|three|four|five|a|an|[1-9])\s+)?(?:place|position|spot|row|line|notch)s?(?:\s+(?:on|in)\s+(?:the\s+)?[\w\s""'-]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Reorder();

    [GeneratedRegex(@"^(?:take|remove|move|drop|send)\s+(?<x>.+?)\s+(?:back\s+)?(?:off|out\s+of|from)\s+(?<list>(?:the\s+)?(?:[\w""'-]+\s+){0,3}?(?:list|listbox|list\s+box))$", RegexOptions.IgnoreCase)]
    private static partial Regex OffOfList();
}
