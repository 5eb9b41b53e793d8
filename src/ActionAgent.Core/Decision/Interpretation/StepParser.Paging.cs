using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Steps that page through a list: "jump to the last page", "go to page 3 of the clients grid".</summary>
internal static partial class StepParser
{
    // What a pager calls each of its ends, plainest first: words, then the aria-labels of icon pagers, then the arrows.
    private static readonly Dictionary<string, string[]> PagerNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = ["First", "First page", "Go to first page", "«", "<<", "|<"],
        ["last"] = ["Last", "Last page", "Go to last page", "»", ">>", ">|"],
        ["next"] = ["Next", "Next page", "Go to next page", "›", ">", "→"],
        ["previous"] = ["Previous", "Prev", "Previous page", "Go to previous page", "‹", "<", "←"],
    };

    // "Jump to the very last page", "open page 3 of the clients grid": the pager's control for that page. Clicking it is
    // checked like any click (the list must change); a page already shown changes nothing, and the step says so.
    private static InterpretedStep? ParsePaging(string text, string display, ClauseText q)
    {
        if (PageEnd().Match(text) is { Success: true } end)
        {
            var which = end.Groups["which"].Value.ToLowerInvariant() switch
            {
                "final" => "last",
                "following" => "next",
                "prev" or "preceding" => "previous",
                var w => w,
            };
            var names = PagerNames[which];
            return Step(StepKind.Click, display, target: names[0]) with { Alternatives = names[1..], Context = Of(end) };
        }

        if ((PageNumber().Match(text) is { Success: true } numbered ? numbered : PageOrdinal().Match(text)) is { Success: true } page)
        {
            // "open the second page of the table" is page 2 of its pager, never "the second link".
            var n = page.Groups["n"].Success ? page.Groups["n"].Value : OrdinalNumber(page.Groups["nth"].Value);
            return Step(StepKind.Click, display, target: n) with { Alternatives = [$"Page {n}", $"Go to page {n}"], Context = Of(page) };
        }

        return null;

        string? Of(Match m) => m.Groups["of"].Success ? q.Restore(m.Groups["of"].Value, keepQuotes: false).Trim() : null;
    }

    private static string OrdinalNumber(string nth) => Ordinals.Of(nth)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private const string PageVerb = @"(?:go|jump|skip|move|navigate|turn|flip|page|head|get|open|show|view|switch|click\s+through)";

    [GeneratedRegex(@"^" + PageVerb + @"\s+(?:on\s+|over\s+|forward\s+|ahead\s+|back\s+)?(?:to\s+)?(?:the\s+)?(?:very\s+)?(?<which>first|last|final|next|previous|prev|preceding|following)\s+page(?:\s+(?:of|in|on|under|below)\s+(?<of>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageEnd();

    [GeneratedRegex(@"^(?:" + PageVerb + @"|click|press|tap|hit|select|choose|pick)\s+(?:over\s+|on\s+)?(?:to\s+)?(?:the\s+)?page\s+(?:number\s+|no\.?\s+|#)?(?<n>\d{1,4})(?:\s+(?:of|in|on|under|below)\s+(?<of>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^" + PageVerb + @"\s+(?:over\s+|on\s+)?(?:to\s+)?(?:the\s+)?(?<nth>\d{1,3}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+page(?:\s+(?:of|in|on|under|below)\s+(?<of>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageOrdinal();
}
