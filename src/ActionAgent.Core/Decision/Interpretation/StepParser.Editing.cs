using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// Steps on words inside a field or a rich-text editor: select them, make them bold (italic, underlined), replace them,
/// delete them. Each selects the words first (a step of its own, checked by what the page then has selected), then
/// presses the key or types what replaces them.
/// </summary>
internal static partial class StepParser
{
    private static IEnumerable<InterpretedStep>? ParseEditing(string text, string display, ClauseText q)
    {
        var format = FormatWords().Match(text);
        format = format.Success ? format : FormatVerb().Match(text);
        if (format.Success)
        {
            var what = format.Groups["what"].Value.Trim();
            var style = format.Groups["style"].Value.ToLowerInvariant();
            var key = style.StartsWith("bold", StringComparison.Ordinal) || style == "embolden" ? "Control+B"
                : style.StartsWith("ital", StringComparison.Ordinal) ? "Control+I"
                : "Control+U";
            var styleWord = key switch { "Control+B" => "bold", "Control+I" => "italic", _ => "underlined" };
            if (Words(what, q) is not { } words)
            {
                return null;
            }

            var place = Place(format.Groups["place"].Value + " " + format.Groups["tail"].Value, q);
            return
            [
                Step(StepKind.SelectText, display, value: words.Value) with { Context = place },
                Step(StepKind.PressKey, $"press {key} to make it {styleWord}", value: key) with { InEditor = true },
            ];
        }

        if (ReplaceWords().Match(text) is { Success: true } replace && Words(replace.Groups["old"].Value, q) is { Value: not null } old)
        {
            // "Replace the sentence "Textarea is now supported" with "…"": the words are selected, then typed over.
            var value = q.Value(replace.Groups["new"].Value);
            return
            [
                Step(StepKind.SelectText, display, value: old.Value) with { Context = Place(replace.Groups["place"].Value, q) ?? Place(replace.Groups["place2"].Value, q) },
                Step(StepKind.Type, $"type \"{value}\" over it", value: value) with { InEditor = true },
            ];
        }

        if (DeleteWords().Match(text) is { Success: true } delete && Words(delete.Groups["what"].Value, q) is { Value: not null } gone)
        {
            return
            [
                // A deleted word takes one space next to it along, as a person's deletion does.
                Step(StepKind.SelectText, display, value: gone.Value) with
                {
                    Context = Place(delete.Groups["place"].Value, q),
                    Alternatives = [gone.Value + " ", " " + gone.Value],
                },
                Step(StepKind.PressKey, "press Backspace to delete it", value: "Backspace") with { InEditor = true },
            ];
        }

        if (SelectWords().Match(text) is { Success: true } select && Words(select.Groups["what"].Value, q) is { Value: not null } chosen)
        {
            return [Step(StepKind.SelectText, display, value: chosen.Value) with { Context = Place(select.Groups["place"].Value, q) }];
        }

        return null;
    }

    // "…, make it bold": a clause of its own, though "make" is no verb of a step.
    private static bool StartsEditing(string text)
    {
        var t = StripTrailingPeriod(StripLeadingFillers(text.Trim()));
        return FormatWords().IsMatch(t) || FormatVerb().IsMatch(t);
    }

    // "the word "paragraph"", ""Release notes"", "it" (what was typed before: Value null, filled in by ResolvePronouns).
    private static (string? Value, bool It)? Words(string what, ClauseText q)
    {
        what = what.Trim();
        if (Referent().IsMatch(what) || what is "that text" or "the text" or "this text" or "them")
        {
            return (null, true);
        }

        var m = QuotedWords().Match(what);
        return m.Success ? (q.Value(m.Groups["q"].Value), false) : null;
    }

    // "in the box headed "Second Editor"", "in the editor", "of the second editor": where the words are.
    private static string? Place(string phrase, ClauseText q)
    {
        var m = PlacePhrase().Match(phrase.Trim());
        return m.Success ? q.Restore(m.Groups["where"].Value.Trim(), keepQuotes: true) : null;
    }

    // A step that selects words and names none ("make it bold" after typing): the words typed last, where they went.
    private static InterpretedStep WordsOfTyping(InterpretedStep step, IEnumerable<InterpretedStep> before) =>
        step is { Kind: StepKind.SelectText, Value: null }
        && before.LastOrDefault(s => s.Kind is StepKind.Type or StepKind.Fill && s.Value is { Length: > 0 }) is { } typed
            ? step with { Value = typed.Value, Context = step.Context ?? typed.Target }
            : step;

    private const string WordNoun = @"(?:(?:the|that|this|its|their|(?:the\s+)?[\w-]+'s)\s+)?(?:(?:first|last|whole)\s+)?(?:words?|text|phrase|sentence|line|name|title|heading\s+text)\s+";

    [GeneratedRegex(@"^(?:please\s+)?(?:make|set|turn|format|mark|put|render)\s+(?<what>(?:" + WordNoun + @")?\u0001\d+\u0002|it|them|that text|the text)(?<place>(?:\s+(?:in|inside|within|of|from)\s+.+?)?)\s+(?:as\s+|in\s+|into\s+|to\s+)?(?<style>bold|italics?|underlined?)(?:\s+(?:type|text|face|font))?(?<tail>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FormatWords();

    [GeneratedRegex(@"^(?:please\s+)?(?<style>bold|italici[sz]e|underline|embolden)\s+(?<what>(?:" + WordNoun + @")?\u0001\d+\u0002|it|them)(?<place>.*?)(?<tail>)$", RegexOptions.IgnoreCase)]
    private static partial Regex FormatVerb();

    [GeneratedRegex(@"^(?:please\s+)?(?:replace|swap|overwrite)\s+(?<old>(?:" + WordNoun + @")?\u0001\d+\u0002)(?<place>(?:\s+(?:in|inside|within|of|from)\s+.+?)?)\s+(?:with|by|for)\s+(?<new>\u0001\d+\u0002)(?<place2>\s+(?:in|inside|within|of)\s+.+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReplaceWords();

    [GeneratedRegex(@"^(?:please\s+)?(?:delete|remove|erase|cut|strike)\s+(?<what>" + WordNoun + @"\u0001\d+\u0002)(?<place>(?:\s+(?:in|inside|within|of|from)\s+.+?)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex DeleteWords();

    [GeneratedRegex(@"^(?:please\s+)?(?:select|highlight)\s+(?<what>" + WordNoun + @"\u0001\d+\u0002)(?<place>(?:\s+(?:in|inside|within|of|from)\s+.+?)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex SelectWords();

    [GeneratedRegex(@"(?:^|\s)(?<q>\u0001\d+\u0002)$")]
    private static partial Regex QuotedWords();

    [GeneratedRegex(@"^(?:in|inside|within|of|from)\s+(?<where>.+?)(?:\s+(?:with|using|via)\s+.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PlacePhrase();
}
