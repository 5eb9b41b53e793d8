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

    /// <summary>
    /// Scores every option against <paramref name="text"/> and returns the best two. An option's meaning score is its best
    /// over the option itself and the phrases in <paramref name="meanings"/> (what the skill author says it means).
    /// </summary>
    public OptionMatch Match(string text, IReadOnlyList<string> options, IReadOnlyDictionary<string, IReadOnlyList<string>>? meanings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count == 0)
        {
            return OptionMatch.None;
        }

        var words = Words(text);
        var byWords = options.Select(o => Math.Max(WordScore(o, options, words), PhraseScore(meanings?.GetValueOrDefault(o), text, words))).ToArray();
        var clauses = ClauseBreak().Split(text).Select(c => c.Trim()).Where(c => Word().IsMatch(c)).Distinct().ToList();
        if (clauses.Count == 0)
        {
            clauses.Add(text.Trim());
        }

        // Each clause ranks the options on its own; the clause that is most clearly about one option decides, so the
        // runner-up comes from the same words (a second, unrelated clause does not blur the margin).
        var phrasings = options.Select(o => (IReadOnlyList<string>)[o, .. meanings?.GetValueOrDefault(o) ?? []]).ToList();
        var phraseVectors = model.EmbedAll(phrasings.SelectMany(p => p).ToList());
        var optionVectors = new List<IReadOnlyList<float[]>>();
        var at = 0;
        foreach (var p in phrasings)
        {
            optionVectors.Add(phraseVectors.Skip(at).Take(p.Count).ToList());
            at += p.Count;
        }

        var clauseVectors = model.EmbedAll(clauses);
        // Words of phrases that are themselves negative ("does not fit") are not voided by a negation in the task.
        var ownWords = phrasings.Select(p => p.Where(x => !IsNegation(x)).SelectMany(ContentWords).Distinct().ToList()).ToList();
        var perClause = clauseVectors.Select((c, ci) => options.Select((o, i) =>
            {
                // "not urgent" is close to "urgent" in meaning: a clause that negates the option's own words says nothing for it.
                var meaning = Negates(clauses[ci], ownWords[i]) ? 0 : optionVectors[i].Max(v => MeaningVectors.Cosine(c, v));
                return (Option: o, Score: Math.Max(meaning, byWords[i]), ByWords: byWords[i] >= meaning && byWords[i] > 0);
            }).OrderByDescending(s => s.Score).ToList())
            .ToList();
        var scores = perClause.MaxBy(r => r[0].Score)!;
        var best = scores[0];
        var second = scores.Count > 1 ? scores[1] : (Option: (string?)null, Score: 0d, ByWords: false);
        var own = Words(best.Option).Concat((meanings?.GetValueOrDefault(best.Option) ?? []).SelectMany(ContentWords)).ToList();
        var named = best.ByWords ? words.Where(t => own.Any(w => Same(t, w))).Distinct().ToList() : [];
        var all = options.Distinct(StringComparer.Ordinal).ToDictionary(o => o, o => perClause.Max(c => c.First(x => x.Option == o).Score), StringComparer.Ordinal);
        return new OptionMatch(best.Option, best.Score, second.Option, second.Score, best.ByWords) { TaskWords = named, Scores = all };
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

    /// <summary>
    /// 0.7 when every content word of one of the option's meaning phrases is in the task ("arrived late" in "it arrived
    /// late"), unless the task negates one of them ("not urgent") and the phrase does not; else 0.
    /// </summary>
    private static double PhraseScore(IReadOnlyList<string>? phrases, string text, List<string> taskWords)
    {
        foreach (var phrase in phrases ?? [])
        {
            var content = ContentWords(phrase);
            if (content.Count == 0 || !content.All(w => taskWords.Any(t => Same(t, w))))
            {
                continue;
            }

            if (!IsNegation(phrase) && Negates(text, content))
            {
                continue;
            }

            return 0.7;
        }

        return 0;
    }

    private static bool IsNegation(string phrase) => Regex.IsMatch(phrase, @"\b(?:not|no|never)\b|n't\b", RegexOptions.IgnoreCase);

    /// <summary>True when <paramref name="text"/> says "not/no/never/…n't" right before (one word apart at most) one of <paramref name="words"/>.</summary>
    private static bool Negates(string text, IReadOnlyList<string> words) =>
        words.Any(w => !IsNegation(w) && Regex.IsMatch(text, $@"(?:\b(?:not|no|never)|n't)\s+(?:\w+\s+)?{Regex.Escape(w)}", RegexOptions.IgnoreCase));

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "the", "and", "for", "with", "its", "it's", "they", "them", "their", "that", "this", "was", "are", "has", "have", "any", "other", "into", "from" };

    private static List<string> ContentWords(string phrase) => Words(phrase).Where(w => w.Length >= 3 && !Filler.Contains(w)).ToList();

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
