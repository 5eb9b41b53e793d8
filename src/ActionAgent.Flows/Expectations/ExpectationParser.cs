using System.Text.RegularExpressions;
using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Expectations;

/// <summary>
/// Turns an expectation sentence into an <see cref="Expectation"/> with fixed English patterns (no model), so a flow
/// means the same thing on every run. Unknown sentences are a load error listing the supported forms.
/// </summary>
public static partial class ExpectationParser
{
    /// <summary>The sentence forms, for error messages and docs.</summary>
    public const string SupportedForms =
        "the page shows TEXT | the page does not show TEXT | the LABEL field reads VALUE | the LABEL field contains VALUE | " +
        "the URL ends with|starts with|contains|is VALUE | the title is|contains VALUE | " +
        "the LABEL checkbox|radio|button|link|field|option|tab|text is [not] checked|unchecked|disabled|enabled|visible|hidden|selected|empty | " +
        "region: {name, x, y, width, height, baseline, tolerance}";

    [GeneratedRegex(@"^(?:the\s+)?page\s+(?:does\s+not|doesn't|do\s+not|should\s+not|must\s+not)\s+(?:show|contain|display)s?\s+(?<t>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageDoesNotShow();

    [GeneratedRegex(@"^(?:the\s+)?page\s+(?:shows|contains|displays|should\s+show|must\s+show)\s+(?<t>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageShows();

    [GeneratedRegex(@"^(?:the\s+)?url\s+(?<op>ends\s+with|starts\s+with|begins\s+with|contains|is|equals)\s+(?<v>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"^(?:the\s+)?(?:page\s+)?title\s+(?<op>is|equals|contains)\s+(?<v>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Title();

    [GeneratedRegex(@"^(?:the\s+)?(?<label>.+?)\s+(?<role>checkbox|check\s+box|radio\s+button|radio|button|link|option|tab|switch|toggle|select|dropdown|combobox|heading|field|input|textbox|text\s+box|text|message|element|image|menu\s+item)\s+is\s+(?<neg>not\s+)?(?<state>checked|ticked|unchecked|selected|disabled|enabled|visible|shown|displayed|present|hidden|absent|empty|on|off)$", RegexOptions.IgnoreCase)]
    private static partial Regex State();

    [GeneratedRegex(@"^(?:the\s+)?(?<label>.+?)\s+(?:field|input|textbox|text\s+box|box|value|select|dropdown)\s+(?<op>reads|shows|equals|is|has\s+value|contains|includes)\s+(?<v>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Field();

    /// <summary>Parses one sentence; throws <see cref="FlowFormatException"/> (with the location) when it is not a known form.</summary>
    public static Expectation Parse(string sentence, SourceLocation location = default)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var s = sentence.Trim().TrimEnd('.').Trim();
        if (s.Length == 0)
        {
            throw new FlowFormatException(location, "empty expectation; write for example \"the page shows Refund filed\"");
        }

        Match m;
        if ((m = PageDoesNotShow().Match(s)).Success)
        {
            return new TextExpectation(TextSimilarity.Unquote(m.Groups["t"].Value), Visible: false) { Source = sentence.Trim(), Location = location };
        }

        if ((m = PageShows().Match(s)).Success)
        {
            return new TextExpectation(TextSimilarity.Unquote(m.Groups["t"].Value), Visible: true) { Source = sentence.Trim(), Location = location };
        }

        if ((m = Url().Match(s)).Success)
        {
            var kind = m.Groups["op"].Value.ToLowerInvariant() switch
            {
                var op when op.StartsWith("ends", StringComparison.Ordinal) => UrlMatchKind.EndsWith,
                var op when op.StartsWith("starts", StringComparison.Ordinal) || op.StartsWith("begins", StringComparison.Ordinal) => UrlMatchKind.StartsWith,
                "contains" => UrlMatchKind.Contains,
                _ => UrlMatchKind.Is,
            };
            return new UrlExpectation(kind, TextSimilarity.Unquote(m.Groups["v"].Value)) { Source = sentence.Trim(), Location = location };
        }

        if ((m = Title().Match(s)).Success)
        {
            return new TitleExpectation(TextSimilarity.Unquote(m.Groups["v"].Value), m.Groups["op"].Value.Equals("contains", StringComparison.OrdinalIgnoreCase))
            {
                Source = sentence.Trim(),
                Location = location,
            };
        }

        if ((m = State().Match(s)).Success)
        {
            var (state, expected) = m.Groups["state"].Value.ToLowerInvariant() switch
            {
                "checked" or "ticked" or "on" => (ElementState.Checked, true),
                "unchecked" or "off" => (ElementState.Checked, false),
                "selected" => (ElementState.Selected, true),
                "disabled" => (ElementState.Disabled, true),
                "enabled" => (ElementState.Disabled, false),
                "visible" or "shown" or "displayed" or "present" => (ElementState.Visible, true),
                "hidden" or "absent" => (ElementState.Visible, false),
                _ => (ElementState.Empty, true),
            };
            if (m.Groups["neg"].Success)
            {
                expected = !expected;
            }

            var roleWord = Regex.Replace(m.Groups["role"].Value.ToLowerInvariant(), @"\s+", " ");
            return new ElementStateExpectation(TextSimilarity.Unquote(m.Groups["label"].Value), RoleFamily.FromWord(roleWord), state, expected)
            {
                RoleWord = roleWord,
                Source = sentence.Trim(),
                Location = location,
            };
        }

        if ((m = Field().Match(s)).Success)
        {
            var op = m.Groups["op"].Value.ToLowerInvariant();
            return new FieldValueExpectation(TextSimilarity.Unquote(m.Groups["label"].Value), TextSimilarity.Unquote(m.Groups["v"].Value), Contains: op is "contains" or "includes")
            {
                Source = sentence.Trim(),
                Location = location,
            };
        }

        throw new FlowFormatException(location, $"unsupported expectation \"{sentence.Trim()}\"; write one of: {SupportedForms}");
    }
}
