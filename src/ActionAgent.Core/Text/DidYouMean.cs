using ActionAgent.Core.Decision.Interpretation;

namespace ActionAgent.Core.Text;

/// <summary>"Did you mean …" for a mistyped option, command or key: the closest known name by edit distance.</summary>
public static class DidYouMean
{
    /// <summary>The closest candidate within a third of the word's length (at least 1, at most 3 edits), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        var max = Math.Clamp(typed.TrimStart('-').Length / 3, 1, 3);
        return candidates
            .Select(c => (Name: c, Distance: TextMatch.EditDistance(typed.ToLowerInvariant(), c.ToLowerInvariant(), max)))
            .Where(c => c.Distance <= max)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary><c>; did you mean "x"?</c> when a candidate is close, else an empty string.</summary>
    public static string Suffix(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } near ? $"; did you mean \"{near}\"?" : "";
}
