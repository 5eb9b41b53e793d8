using System.Text.Json;

namespace ActionAgent.Flows.Caching;

/// <summary>
/// Merges action caches written by parallel runs (CI shards) into one, so the next run serves every shard's steps
/// without the model. When two caches hold different entries for one key, the one stored last
/// (<see cref="CachedAction.UpdatedAt"/>: a fresh decision or a heal) wins; on a tie the one served more often
/// (<see cref="CachedAction.Hits"/>), then the one whose JSON sorts first (ordinal): the result never depends on the
/// order of the inputs.
/// </summary>
public static class ActionCacheMerger
{
    /// <summary>Merges <paramref name="caches"/> into a new cache that saves to <paramref name="outputPath"/>; returns it and how many keys conflicted.</summary>
    public static (ActionCache Cache, int Conflicts) Merge(IEnumerable<ActionCache> caches, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(caches);
        var merged = new ActionCache(outputPath);
        var conflicts = 0;
        foreach (var entry in caches.SelectMany(c => c.Entries()))
        {
            if (merged.Get(entry.Key) is not { } held)
            {
                merged.Put(entry);
                continue;
            }

            if (Json(held) == Json(entry))
            {
                continue; // the same entry, carried by both shards from the cache they started with
            }

            conflicts++;
            if (Wins(entry, held))
            {
                merged.Put(entry);
            }
        }

        return (merged, conflicts);
    }

    private static bool Wins(CachedAction candidate, CachedAction held)
    {
        var byTime = candidate.UpdatedAt.CompareTo(held.UpdatedAt);
        var byHits = candidate.Hits.CompareTo(held.Hits);
        return byTime != 0 ? byTime > 0 : byHits != 0 ? byHits > 0 : string.CompareOrdinal(Json(candidate), Json(held)) < 0;
    }

    private static string Json(CachedAction entry) => JsonSerializer.Serialize(entry, FlowsJsonContext.Default.CachedAction);
}
