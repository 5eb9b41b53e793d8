using System.Collections.Concurrent;
using ActionAgent.Core.Decision.Meaning;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>The candidate a meaning match chose, its similarity and that of the runner-up (for the margin and messages).</summary>
internal sealed record MeaningPick(int Index, string Text, double Similarity, double RunnerUp)
{
    public string Describe() => FormattableString.Invariant($"meaning (similarity {Similarity:0.00}, next best {RunnerUp:0.00})");
}

/// <summary>
/// Picks the candidate whose name means what the words say, for the cases word matching gave up on. It never guesses:
/// the best must reach a minimum similarity and lead the runner-up (another candidate, whatever its name) by a clear
/// margin, and a name saying the opposite of a query word is out (<see cref="Opposites"/>). Embeddings of page labels are cached by their text, so a page seen again costs one encode (the query).
/// </summary>
internal sealed class MeaningMatcher(IMeaningModel model, double minSimilarity, double margin)
{
    // Labels of the pages of a long session; past this the cache starts over rather than grow without bound.
    private const int MaxCached = 8192;

    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    /// <summary>The best of <paramref name="candidates"/> (each one or more names), or null when none is clearly best.</summary>
    public MeaningPick? Best(string query, IReadOnlyList<IReadOnlyList<string>> candidates)
    {
        if (string.IsNullOrWhiteSpace(query) || candidates.Count == 0)
        {
            return null;
        }

        Warm(candidates.SelectMany(c => c).Append(query));
        var q = _cache[Key(query)];
        var scored = new List<(int Index, string Text, double Similarity)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var best = (Text: "", Similarity: double.MinValue);
            // A name with the opposite of a query word ("Public profile" for "make it private") is no candidate at all.
            foreach (var text in candidates[i].Where(t => !string.IsNullOrWhiteSpace(t) && !Opposites.Contradict(query, t)))
            {
                var s = MeaningVectors.Cosine(q, _cache[Key(text)]);
                if (s > best.Similarity)
                {
                    best = (text, s);
                }
            }

            if (best.Similarity > double.MinValue)
            {
                scored.Add((i, best.Text, best.Similarity));
            }
        }

        if (scored.Count == 0)
        {
            return null;
        }

        var ranked = scored.OrderByDescending(s => s.Similarity).ToList();
        var top = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1].Similarity : 0;
        return top.Similarity >= minSimilarity && top.Similarity - runnerUp >= margin
            ? new MeaningPick(top.Index, top.Text, top.Similarity, runnerUp)
            : null;
    }

    private static string Key(string text) => text.Trim();

    // Encodes the texts not seen yet as one batch: the first look at a page pays once for all its labels.
    private void Warm(IEnumerable<string> texts)
    {
        var missing = texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(Key).Distinct(StringComparer.Ordinal)
            .Where(t => !_cache.ContainsKey(t)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        if (_cache.Count + missing.Count > MaxCached)
        {
            _cache.Clear();
        }

        var vectors = model.EmbedAll(missing);
        for (var i = 0; i < missing.Count; i++)
        {
            _cache[missing[i]] = vectors[i];
        }
    }
}
