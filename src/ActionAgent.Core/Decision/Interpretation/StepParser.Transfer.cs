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

        if (PlaceIn().Match(text) is { Success: true } placed && PlaceOf(placed.Groups["ord"].Value) is { } at)
        {
            // "Make Top products the first panel of the dashboard", "put the last panel in second place": where it ends.
            return Step(StepKind.Drag, display, target: q.Restore(placed.Groups["x"].Value.Trim(), true), value: $"{Places}at {at}");
        }

        if (UntilBeside().Match(text) is { Success: true } beside)
        {
            // "Move Team activity up until it sits right below Revenue".
            var below = beside.Groups["rel"].Value.ToLowerInvariant() is "below" or "under" or "beneath" or "after";
            return Step(StepKind.Drag, display, target: q.Restore(beside.Groups["x"].Value.Trim(), true),
                value: $"{Places}{(below ? "below" : "above")} {q.Restore(beside.Groups["y"].Value.Trim(), false)}");
        }

        // "the list" alone names no one of two lists: "take the fifth entry in the list" is read as before.
        static bool Names(Match m) => Phrase.Of(m.Groups["list"].Value).Tokens.Any(t => !TextMatch.IsStopWord(t) && t is not ("list" or "listbox" or "box" or "side"));
        if (IntoList().Match(text) is { Success: true } into && Names(into))
        {
            return Step(StepKind.Drag, display, target: q.Restore(into.Groups["x"].Value.Trim(), true), value: q.Restore(into.Groups["list"].Value.Trim(), false));
        }

        if (OffOfList().Match(text) is { Success: true } off && Names(off))
        {
            return Step(StepKind.Drag, display, target: q.Restore(off.Groups["x"].Value.Trim(), true), value: OffList + q.Restore(off.Groups["list"].Value.Trim(), false));
        }

        if (!q.ListMoves)
        {
            return null;
        }

        // "Add the Churn panel to the dashboard", "take Open orders off the dashboard": a list named by its own words.
        if (IntoNamed().Match(text) is { Success: true } onto && Names(onto))
        {
            return Step(StepKind.Drag, display, target: q.Restore(onto.Groups["x"].Value.Trim(), true), value: q.Restore(onto.Groups["list"].Value.Trim(), false));
        }

        return OffNamed().Match(text) is { Success: true } from && Names(from)
            ? Step(StepKind.Drag, display, target: q.Restore(from.Groups["x"].Value.Trim(), true), value: OffList + q.Restore(from.Groups["list"].Value.Trim(), false))
            : null;
    }

    [GeneratedRegex(@"^(?:move|send|add|put|bring|transfer|take)\s+(?<x>.+?)\s+(?:(?:back|over|across)\s+)?(?:to|onto|into)\s+(?<list>(?:the\s+)?(?:[\w""'-]+\s+){0,2}?[A-Za-z""'-][\w""'-]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex IntoNamed();

    [GeneratedRegex(@"^(?:take|remove|move|drop|send)\s+(?<x>.+?)\s+(?:back\s+)?(?:off|out\s+of|from)\s+(?<list>(?:the\s+)?(?:[\w""'-]+\s+){0,2}?[A-Za-z""'-][\w""'-]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex OffNamed();

    [GeneratedRegex(@"^(?:move|send|add|put|bring|transfer|shift|take|change)\s+(?<x>.+?)\s+(?:(?:back|over|across)\s+)?(?:to|onto|into|in|on)\s+(?<list>(?:the\s+)?(?:[\w""'-]+\s+){0,3}?(?:list|listbox|list\s+box|side))$", RegexOptions.IgnoreCase)]
    private static partial Regex IntoList();

    private static string? PlaceOf(string word) => word.ToLowerInvariant() switch
    {
        "last" or "bottom" => "last",
        "top" => "1",
        var w => Ordinals.Of(w) is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    private const string PlaceWord = @"(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|top|bottom|\d+(?:st|nd|rd|th))";

    [GeneratedRegex(@"^(?:(?:make)\s+(?<x>.+?)\s+the\s+" + PlaceWord + @"(?:\s+(?:one|item|entry|row|panel|card|line|element|option|widget|thing|person|name))?|(?:put|move|place|bring|set|drag)\s+(?<x>.+?)\s+(?:in|into|at|to)\s+(?:the\s+)?" + PlaceWord + @"\s+(?:place|position|spot|slot))(?:\s+(?:of|in|on)\s+(?:the\s+)?[\w\s""'-]+)?$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex PlaceIn();

    [GeneratedRegex(@"^(?:move|shift|bump|push|bring|take|drag)\s+(?<x>.+?)\s+(?:up|down)\s+until\s+(?:it|he|she|they)\s+(?:sits?|is|are|stands?|comes?|lands?|ends\s+up|appears?)\s+(?:right\s+|just\s+|directly\s+|immediately\s+)?(?<rel>below|under|beneath|after|above|before|over)\s+(?<y>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex UntilBeside();

    [GeneratedRegex(@"^(?:move|shift|bump|push|bring|take)\s+(?<x>.+?)\s+(?<dir>up|down)\s+(?:by\s+)?(?:(?<n>one|two|three|four|five|a|an|[1-9])\s+)?(?:place|position|spot|row|line|notch)s?(?:\s+(?:on|in)\s+(?:the\s+)?[\w\s""'-]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Reorder();

    [GeneratedRegex(@"^(?:take|remove|move|drop|send)\s+(?<x>.+?)\s+(?:back\s+)?(?:off|out\s+of|from)\s+(?<list>(?:the\s+)?(?:[\w""'-]+\s+){0,3}?(?:list|listbox|list\s+box))$", RegexOptions.IgnoreCase)]
    private static partial Regex OffOfList();
}
