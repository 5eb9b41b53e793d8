using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// "Go back one slide", "move two images forward", "go one page forward with the arrow", "step ahead three cards": a
/// carousel's, gallery's or pager's own previous/next control pressed that many times (each press checked), never the
/// browser's Back (which left the task's page for a blank tab and was called done).
/// </summary>
internal static partial class StepParser
{
    private static IReadOnlyList<InterpretedStep>? ParseStepThrough(string text, string display, ClauseText q)
    {
        var m = StepThroughUnits().Match(text);
        if (!m.Success || !m.Groups["n"].Success && !m.Groups["n2"].Success)
        {
            // "Advance the carousel by five slides", "move the carousel on by exactly one slide".
            m = AdvanceBy().Match(text);
            if (!m.Success || !Reel().IsMatch(m.Groups["what"].Value) || QuoteToken().IsMatch(m.Groups["what"].Value))
            {
                return null;
            }
        }

        var count = m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["n2"].Value;
        var unit = m.Groups["u"].Success ? m.Groups["u"].Value : m.Groups["u2"].Value;
        var times = count.ToLowerInvariant() is "a" or "an" ? 1 : Times(count);
        var back = m.Groups["dir"].Value.ToLowerInvariant() is "back" or "backward" or "backwards" or "rewind";
        if (back && unit.StartsWith("page", StringComparison.OrdinalIgnoreCase))
        {
            // "go back a page" is the browser's Back (a page before this one), as it always was.
            return null;
        }

        var names = back ? StepResolver.BackNames : StepResolver.ForwardNames;
        var control = m.Groups["c"].Success ? q.Restore(m.Groups["c"].Value.Trim(), true) : null;

        // "with the arrow", "using the button": a kind of control, which the direction names better; a name is used as given.
        var step = control is not null && !GenericControl().IsMatch(control)
            ? Step(StepKind.Click, display, target: control)
            : Step(StepKind.Click, display, target: names[0]) with { Alternatives = names[1..] };
        if (m.Groups["what"].Success && !Referent().IsMatch(m.Groups["what"].Value.Trim()))
        {
            // "Advance the Basic demo's carousel by five slides": that carousel's arrow.
            step = step with { Context = q.Restore(m.Groups["what"].Value.Trim(), true) };
        }

        return times == 1 ? [step] : Enumerable.Range(1, times).Select(k => step with { Text = $"{display} ({k} of {times})" }).ToList();
    }

    private const string UnitWords = @"(?:pages?|slides?|images?|pictures?|photos?|items?|cards?|panels?|screens?|entries|entry|frames?)";
    private const string CountWords = @"(?:one|a|an|1|two|2|three|3|four|4|five|5|six|6|seven|7|eight|8|nine|9|ten|10)";

    // "go back one slide", "move two images forward", "go one slide forward with the arrow", "step ahead three cards".
    [GeneratedRegex(@"^(?:go|move|step|skip|scroll|page|flip|click|jump)\s+(?:(?<n>" + CountWords + @")\s+(?<u>" + UnitWords + @")\s+)?(?<dir>back|backward|backwards|forward|forwards|ahead|on|onward)(?:\s+(?:by\s+)?(?:exactly\s+|just\s+|only\s+)?(?<n2>" + CountWords + @")\s+(?<u2>" + UnitWords + @"))?(?=[\s,;]|$)(?:(?!\s+(?:with|using|via|by\s+clicking|by\s+pressing)\s).)*?(?:\s+(?:with|using|via|by\s+clicking|by\s+pressing)\s+(?<c>[^,]+?))?\s*(?:,.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex StepThroughUnits();

    [GeneratedRegex(@"^(?:(?<dir>advance|rewind)|move|scroll|rotate|shift|turn|slide|spin)\s+(?:the\s+|its\s+|this\s+)?(?<what>[^,]+?)\s+(?:(?<dir>on|forward|forwards|ahead|back|backward|backwards)\s+)?by\s+(?:exactly\s+|just\s+|only\s+)?(?<n>" + CountWords + @")\s+(?<u>" + UnitWords + @")(?:\s+in\s+total)?(?:(?!\s+(?:with|using|via|by\s+clicking|by\s+pressing)\s).)*?(?:\s+(?:with|using|via|by\s+clicking|by\s+pressing)\s+(?<c>[^,]+?))?\s*(?:,.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AdvanceBy();

    // What moves slide by slide: "Move "Item 1" by one" is a reorder, never a press of Next.
    [GeneratedRegex(@"\b(?:carousel|gallery|slide\s?show|slides|images|pictures|photos|reel|banner|viewer|showcase|strip|it|them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reel();

    [GeneratedRegex(@"^(?:the\s+|its\s+|their\s+)?(?:(?:left|right|previous|next|back|forward|prev|little|small)\s+)?(?:arrow|arrows|button|control|icon|chevron|link|caret)(?:\s+(?:on\s+the\s+)?(?:left|right)(?:\s+side)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericControl();
}
