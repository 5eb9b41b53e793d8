namespace ActionAgent.Flows.Caching;

/// <summary>
/// What the cache did: hits (served with zero decider calls; relocated ones found their target moved or slightly
/// relabelled), misses (asked the decider), healed (an entry no longer fit, the decider was asked and the entry
/// replaced) and invalidated (a served action failed).
/// </summary>
public sealed record CacheStatistics(int Hits, int Misses, int Relocated, int Healed, int Invalidated)
{
    /// <summary>Hits / (hits + misses + healed); 0 when nothing was asked.</summary>
    public double HitRate => Hits + Misses + Healed == 0 ? 0 : (double)Hits / (Hits + Misses + Healed);

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"cache: {Hits} hits ({Relocated} relocated), {Misses} misses, {Healed} healed, {Invalidated} invalidated ({HitRate:P0} hit rate)");
}
