using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>
/// "Rate the "1/10 Rating" box a 4", "give the Bootstrap stars 3 out of 5", "Give the basic rater three stars", "rate
/// three stars", "Set the rater to two and a half stars": a <see cref="StepKind.Rate"/> step. Its value is "3", "2.5" or
/// "3/5" when the scale was said.
/// </summary>
internal static partial class StepParser
{
    private static InterpretedStep? ParseRating(string text, string display, ClauseText q)
    {
        var plain = text.Trim().TrimEnd('.');
        var m = RateVerb().Match(plain);
        if (!m.Success && (m = GiveRating().Match(plain)).Success && !m.Groups["unit"].Success && !m.Groups["m"].Success
            && !RatingWords().IsMatch(q.Restore(m.Groups["t"].Value, false)))
        {
            // "Give the customer 3": a number given to something that is no rating is no rating.
            return null;
        }

        if (!m.Success && !(m = SetRating().Match(plain)).Success)
        {
            return null;
        }

        if (RatingNumber(m.Groups["n"].Value) is not { } n || n <= 0)
        {
            return null;
        }

        var scale = m.Groups["m"].Success && RatingNumber(m.Groups["m"].Value) is { } s and >= 2 ? s : (double?)null;
        if (scale is { } top && n > top)
        {
            return null;
        }

        var value = scale is { } of ? FormattableString.Invariant($"{n}/{of}") : n.ToString(CultureInfo.InvariantCulture);
        var target = m.Groups["t"].Success ? m.Groups["t"].Value.Trim() : "";
        return Step(StepKind.Rate, display, target: target.Length == 0 ? null : q.Restore(target, true), value: value);
    }

    // Whether a clause reads as a rating, for splitting a sentence into clauses (its quotes still masked).
    private static bool StartsRating(string text)
    {
        var t = text.Trim().TrimEnd('.');
        return RateVerb().IsMatch(t) || SetRating().IsMatch(t)
            || GiveRating().Match(t) is { Success: true } g && (g.Groups["unit"].Success || g.Groups["m"].Success);
    }

    // "3", "2.5", "three", "two and a half", "3 and a half", "half".
    private static double? RatingNumber(string words)
    {
        var w = words.Trim().ToLowerInvariant();
        var half = 0.0;
        if (w.EndsWith(" and a half", StringComparison.Ordinal))
        {
            half = 0.5;
            w = w[..^" and a half".Length].Trim();
        }
        else if (w.EndsWith(" and half", StringComparison.Ordinal))
        {
            half = 0.5;
            w = w[..^" and half".Length].Trim();
        }

        if (w is "half" or "half a" or "a half")
        {
            return 0.5;
        }

        if (double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d + half;
        }

        return NumberWord(w) is { } k ? k + half : null;
    }

    private const string RatingNum = @"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+and\s+(?:a\s+)?half)?|half";

    // "rate the X a 4", "rate three stars", "score it 7 out of 10", "rate X 4/5".
    [GeneratedRegex(@"^(?:rate|score|grade)\s+(?:(?<t>.+?)\s+)??(?:(?:a|an|as|at|with|to)\s+)?(?<n>" + RatingNum + @")(?:\s*(?:/|out\s+of|of)\s*(?<m>" + RatingNum + @"))?(?:[\s-]+(?<unit>stars?|points?|hearts?|squares?))?(?:\s+rating)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RateVerb();

    // "give the Bootstrap stars 3 out of 5", "Give X eight stars", "give it a 4-star rating", "award X 4/5".
    [GeneratedRegex(@"^(?:give|award|leave)\s+(?<t>.+?)\s+(?:(?:a|an)\s+)?(?<n>" + RatingNum + @")(?:\s*(?:/|out\s+of)\s*(?<m>" + RatingNum + @"))?(?:[\s-]+(?<unit>stars?|points?|hearts?|squares?))?(?:\s+rating)?$", RegexOptions.IgnoreCase)]
    private static partial Regex GiveRating();

    // "Set the "5 star rater with step" to two and a half stars", "change the rating to 4 out of 5".
    [GeneratedRegex(@"^(?:set|change|update|move)\s+(?<t>.+?)\s+to\s+(?:(?:a|an)\s+)?(?<n>" + RatingNum + @")(?:(?:\s*(?:/|out\s+of)\s*(?<m>" + RatingNum + @"))(?:[\s-]+(?<unit>stars?|points?|hearts?))?|[\s-]+(?<unit>stars?|hearts?))(?:\s+rating)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SetRating();

    [GeneratedRegex(@"\b(?:rat(?:e|er|ing|ings)|stars?|score|hearts?|squares?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RatingWords();
}
