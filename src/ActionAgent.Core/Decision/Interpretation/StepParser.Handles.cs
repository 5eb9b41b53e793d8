using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// How people say where a handle goes without a drag verb: "bring it down to 47", "raise the volume slider to 80", "take
/// the middle handle and move it to 30", "First slider on the page: bring it down to 47" (the topic before the colon is
/// what "it" is).
/// </summary>
internal static partial class StepParser
{
    // "bring the slider down to 47", "lower it to 20": a handle brought to a value is dragged there. Only a handle or "it":
    // "bring the total to 40" or "take the form to the next page" are no drags.
    private static InterpretedStep? ParseBringTo(string text, string display, ClauseText q) =>
        BringTo().Match(text) is { Success: true } m && (SliderWords().IsMatch(m.Groups["x"].Value) || Referent().IsMatch(m.Groups["x"].Value.Trim()))
            ? ParseDrag($"move {m.Groups["rest"].Value}", m.Groups["rest"].Value, display, q)
            : null;

    private static bool StartsBringTo(string text) =>
        BringTo().Match(text) is { Success: true } m && (SliderWords().IsMatch(m.Groups["x"].Value) || Referent().IsMatch(m.Groups["x"].Value.Trim()));

    // "Take the middle handle and move it to 30", "grab "Item 2" and drop it on "Trash"": one gesture on what was taken.
    private static string TakenAndMoved(string sentence)
    {
        if (TakeAndVerbIt().Match(sentence) is not { Success: true } m || !Verbs.StartsWithVerb($"{m.Groups["v"].Value} x"))
        {
            return sentence;
        }

        var verb = m.Groups["v"].Value;
        var rest = m.Groups["rest"].Value;
        if (DropVerb().IsMatch(verb))
        {
            // "grab "Item 2" and drop it on "Trash"": dragged onto it.
            (verb, rest) = ("drag", OnWord().Replace(rest, " onto ", 1));
        }

        return $"{m.Groups["lead"].Value}{verb} {m.Groups["x"].Value}{rest}";
    }

    // "First slider on the page: bring it down to 47", "Newsletter box: tick it", "Basic slider: it should read 6": the
    // topic before the colon is what "it" names, so it takes its place (and is no place of its own).
    private static string? TopicAsIt(string topic, string rest) =>
        ItWord().Match(rest) is { Success: true } it && !QuoteToken().IsMatch(rest[..it.Index])
            ? $"{rest[..it.Index]}{topic.Trim()}{rest[(it.Index + it.Length)..]}"
            : null;

    [GeneratedRegex(@"^(?:bring|take|pull|push|lower|raise|nudge|get|set)\s+(?<rest>(?<x>.+?)\s+(?:(?:all the way\s+)?(?:up|down|back|over|left|right)\s+)?to\s+(?:-?\d[\d.,]*|[a-z])\b.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex BringTo();

    [GeneratedRegex(@"^(?<lead>(?:[^,;\u0001]{1,60},\s+)?(?:then\s+|and\s+|now\s+)*)(?:take|grab|pick\s+up|get\s+hold\s+of|catch|hold)\s+(?<x>[^,;]+?)\s+and\s+(?<v>[a-z]+(?:\s+(?:and\s+drop|up|down|over))?)\s+it\b(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TakeAndVerbIt();

    [GeneratedRegex(@"^(?:drop|put|place|release)$", RegexOptions.IgnoreCase)]
    private static partial Regex DropVerb();

    [GeneratedRegex(@"^\s+on\s+", RegexOptions.IgnoreCase)]
    private static partial Regex OnWord();

    [GeneratedRegex(@"^it\s+(?:should|must|needs?\s+to|has\s+to|is\s+to)\s", RegexOptions.IgnoreCase)]
    private static partial Regex ItStatement();

    [GeneratedRegex(@"\b(?:it|them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItWord();
}
