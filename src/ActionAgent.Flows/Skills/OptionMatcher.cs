using System.Text.RegularExpressions;
using ActionAgent.Core.Decision.Meaning;

namespace ActionAgent.Flows.Skills;

/// <summary>
/// Matches a task against a field's options: first by the options' own distinctive words ("wrong size", "damaged"),
/// then by meaning (MiniLM) of each clause of the task ("the parcel came two weeks after the promised date" →
/// "Late delivery"). It reports scores; the caller decides whether they are enough (<see cref="OptionMatcherOptions"/>).
/// </summary>
public sealed partial class OptionMatcher(IMeaningModel model)
{
    // Clause boundaries: punctuation and the words that usually introduce a reason or a second instruction.
    [GeneratedRegex(@"[,;:()""!?]|\s[-–—]\s|\b(?:because|since|as|and|but|so|reason|with|for|instead of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"[A-Za-z][A-Za-z']*")]
    private static partial Regex Word();

    /// <summary>Scores every option against <paramref name="text"/> and returns the best two.</summary>
    public OptionMatch Match(string text, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count == 0)
        {
            return OptionMatch.None;
        }

        var words = Words(text);
        var byWords = options.Select(o => WordScore(o, options, words)).ToArray();
        var clauses = ClauseBreak().Split(text).Select(c => c.Trim()).Where(c => Word().IsMatch(c)).Distinct().ToList();
        if (clauses.Count == 0)
        {
            clauses.Add(text.Trim());
        }

        // Each clause ranks the options on its own; the clause that is most clearly about one option decides, so the
        // runner-up comes from the same words (a second, unrelated clause does not blur the margin).
        var optionVectors = model.EmbedAll(options);
        var clauseVectors = model.EmbedAll(clauses);
        var perClause = clauseVectors.Select(c => options.Select((o, i) =>
            {
                var meaning = MeaningVectors.Cosine(c, optionVectors[i]);
                return (Option: o, Score: Math.Max(meaning, byWords[i]), ByWords: byWords[i] >= meaning && byWords[i] > 0);
            }).OrderByDescending(s => s.Score).ToList())
            .ToList();
        var scores = perClause.MaxBy(r => r[0].Score)!;
        var best = scores[0];
        var second = scores.Count > 1 ? scores[1] : (Option: (string?)null, Score: 0d, ByWords: false);
        var named = best.ByWords ? words.Where(t => Words(best.Option).Any(w => Same(t, w))).Distinct().ToList() : [];
        return new OptionMatch(best.Option, best.Score, second.Option, second.Score, best.ByWords) { TaskWords = named };
    }

    /// <summary>0.6–1 when the task contains words only this option has (more of them, higher); else 0.</summary>
    private static double WordScore(string option, IReadOnlyList<string> options, List<string> taskWords)
    {
        var own = Words(option);
        var others = options.Where(o => !ReferenceEquals(o, option) && o != option).SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        var distinctive = own.Where(w => !others.Contains(w)).ToList();
        if (distinctive.Count == 0)
        {
            return 0;
        }

        var hits = own.Count(w => taskWords.Any(t => Same(t, w)));
        var distinctiveHits = distinctive.Count(w => taskWords.Any(t => Same(t, w)));
        return distinctiveHits == 0 ? 0 : 0.6 + (0.4 * hits / own.Count);
    }

    // "damaged" ~ "damage", "perlman's" ~ "perlman": equal, or a shared stem of five letters or more.
    private static bool Same(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
        {
            common++;
        }

        return common >= 5 && common >= Math.Min(a.Length, b.Length) - 2;
    }

    private static List<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant().TrimEnd('\'')).Where(w => w.Length > 1).ToList();
}
