using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Stated expectations: "You should see "Thanks for your order"", "Check that the message "Saved" appears", "The error
/// "Name is required" should now show", "The page should say Welcome back". Each is a check of what the page shows (a
/// <see cref="StepKind.WaitForText"/> step: waited for, and the run fails when it does not come), never an action. Only
/// text the sentence gives is checked: quoted text, or the words after say/read/contain. "The range error should show"
/// names no text, and stays a sentence the interpreter does not understand (the run fails rather than guess).
/// </summary>
internal static partial class StepParser
{
    private static IReadOnlyList<InterpretedStep>? ParseExpectation(string text, string display, ClauseText q)
    {
        if (ExpectedText(text) is not var (said, plainAllowed))
        {
            return null;
        }

        var quoted = QuoteToken().Matches(said).Select(m => q.Value(m.Value)).Where(v => v.Trim().Length > 0).ToList();
        if (quoted.Count > 0)
        {
            return quoted.Select(v => Step(StepKind.WaitForText, display, value: v)).ToList();
        }

        var plain = StripTrailingPeriod(q.Restore(said, keepQuotes: false).Trim());
        return plainAllowed && plain.Length > 0 ? [Step(StepKind.WaitForText, display, value: plain)] : null;
    }

    // "… and "Saved" should appear", "Verify that the heading reads Welcome": a clause that states what the page must show.
    // "The page shows an editable extract from …" describes the page: only text given (quoted, or said / read /
    // contained) makes it a check.
    private static bool IsExpectation(string clause) =>
        ExpectedText(StripTrailingPeriod(StripLeadingFillers(clause.Trim()))) is var (said, plainAllowed)
        && (QuoteToken().IsMatch(said) || plainAllowed && said.Trim().Length > 0);

    // The words a stated expectation gives for the page to show (masked), and whether unquoted words count as text (after
    // say / read / contain, not after show / display, which may name an element); null for no expectation.
    private static (string Said, bool PlainAllowed)? ExpectedText(string text)
    {
        if (SeeText().Match(text) is { Success: true } see)
        {
            return (see.Groups["x"].Value, false);
        }

        if (PageSays().Match(text) is { Success: true } says)
        {
            return (says.Groups["x"].Value, says.Groups["verb"].Value.ToLowerInvariant() is not ("show" or "shows" or "display" or "displays"));
        }

        return ShownSentence().Match(text) is { Success: true } shown && Verbs.Match(shown.Groups["x"].Value.Trim()) is null
            ? (shown.Groups["x"].Value, false)
            : null;
    }

    // "see "Thanks"" (a leading "you should" is a filler already gone), "you'll see …", "verify that you can see …",
    // "expect to see …", "expect "3 items"".
    [GeneratedRegex(@"^(?:(?:check|verify|confirm|make\s+sure|ensure|assert)\s+(?:that\s+)?)?(?:(?:you|we)(?:'ll|\s+will|\s+should|\s+must|\s+can|\s+now)*\s+)?(?:now\s+)?(?:see|expect(?:\s+to\s+see)?)\s+(?<x>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SeeText();

    // "the page should now say Welcome back", "check that the banner reads "Saved"": a part of the page that says something.
    [GeneratedRegex(@"^(?:(?:check|verify|confirm|make\s+sure|ensure|assert)\s+(?:that\s+)?)?(?:the\s+)?(?:page|screen|site|window|banner|heading|title|header|status(?:\s+(?:line|bar|text))?|message|notice|notification|toast|result|confirmation|error(?:\s+message)?|warning|greeting|form|indicator|counter|total|badge|label|dialog|panel)\s+(?:(?:should|must|will|has\s+to)\s+(?:(?:now|then|also|still|afterwards)\s+)?(?<verb>say|read|show|display|contain)|(?:(?:now|then|also|still)\s+)?(?<verb>says|reads|shows|displays|contains))\s+(?<x>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageSays();

    // "check that "Saved" appears", "the error "Name is required" should now show under the field", "a toast saying
    // "Copied" pops up".
    [GeneratedRegex(@"^(?:(?:check|verify|confirm|make\s+sure|ensure|assert)\s+(?:that\s+)?)?(?<x>.+?)\s+(?:(?:should|must|will|has\s+to)\s+(?:now\s+)?(?:appear|show(?:\s+up)?|be\s+(?:shown|displayed|visible|there|present|on\s+(?:the\s+)?(?:page|screen))|come\s+up|pop\s+up)|(?:now\s+)?(?:appears|shows\s+up|is\s+(?:now\s+)?(?:shown|displayed|visible|there|present|on\s+(?:the\s+)?(?:page|screen))|comes\s+up|pops\s+up|shows))(?:\s+(?:under|below|above|beside|next\s+to|near|in|on|at|inside|within|beneath|underneath)\b.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ShownSentence();

    [GeneratedRegex(@"^(?:verify|confirm|assert|expect|double-check|make\s+sure|ensure|check)\s+(?:that|whether|if)\b|^(?:verify|assert|expect)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VerifyLead();

    [GeneratedRegex(@"^(?:that|whether|if)\s", RegexOptions.IgnoreCase)]
    private static partial Regex ThatClause();
}
