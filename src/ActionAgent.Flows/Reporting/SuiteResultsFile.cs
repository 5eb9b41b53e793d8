using ActionAgent.Flows.Caching;

namespace ActionAgent.Flows.Reporting;

/// <summary>
/// The JSON shape of <c>results.json</c>, written by <c>actionagent test</c> next to junit.xml: everything the suite
/// report and the JUnit file are made from, so that <c>actionagent report --merge</c> can rebuild them from shards.
/// </summary>
public sealed record SuiteResultsFile
{
    /// <summary>The version of this format; <c>report --merge</c> refuses to mix versions.</summary>
    public int SchemaVersion { get; init; } = SuiteResults.SchemaVersion;

    /// <summary>"2/3" for a sharded run; null for a whole run.</summary>
    public string? Shard { get; init; }

    /// <summary>With <see cref="Shard"/>: the flows and unloadable files of all the shards together.</summary>
    public int ShardedFrom { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it took, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>Flows left out by the tag filter.</summary>
    public int FilteredOut { get; init; }

    /// <summary>What the action cache did, when one was used.</summary>
    public CacheStatistics? Cache { get; init; }

    /// <summary>Cached actions healed during the run.</summary>
    public IReadOnlyList<HealEvent> Heals { get; init; } = [];

    /// <summary>Files that did not load.</summary>
    public IReadOnlyList<ResultsLoadError> LoadErrors { get; init; } = [];

    /// <summary>Every flow that ran, in run order.</summary>
    public IReadOnlyList<ResultsFlow> Flows { get; init; } = [];
}
