namespace ActionAgent.Flows.Caching;

/// <summary>The JSON shape of the cache file.</summary>
public sealed record ActionCacheFile
{
    /// <summary>The cache format's version.</summary>
    public int SchemaVersion { get; init; } = ActionCache.SchemaVersion;

    /// <summary>All entries.</summary>
    public IReadOnlyList<CachedAction> Entries { get; init; } = [];
}
