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

    private static InterpretedStep? ParseTransfer(string text, string display, ClauseText q)
    {
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

    [GeneratedRegex(@"^(?:take|remove|move|drop|send)\s+(?<x>.+?)\s+(?:back\s+)?(?:off|out\s+of|from)\s+(?<list>(?:the\s+)?(?:[\w""'-]+\s+){0,3}?(?:list|listbox|list\s+box))$", RegexOptions.IgnoreCase)]
    private static partial Regex OffOfList();
}
