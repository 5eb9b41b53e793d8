using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Running;

/// <summary>The result of a test run over many flows: each flow's result, the files that failed to load, and the exit code.</summary>
public sealed record FlowSuiteResult(IReadOnlyList<FlowResult> Results, DateTimeOffset StartedAt, TimeSpan Duration)
{
    /// <summary>Flow files that could not be loaded; each counts as a failure.</summary>
    public IReadOnlyList<FlowLoadError> LoadErrors { get; init; } = [];

    /// <summary>Flows left out by the tag filter.</summary>
    public int FilteredOut { get; init; }

    /// <summary>What the action cache did during the run, when the flows' deciders were <see cref="CachingDecider"/>s.</summary>
    public CacheStatistics? Cache { get; init; }

    /// <summary>Cached actions that no longer fit the page and were healed by asking the decider again (review them).</summary>
    public IReadOnlyList<HealEvent> Heals { get; init; } = [];

    /// <summary>The shard this run was (<c>--shard 2/3</c>); null for a whole run.</summary>
    public FlowShard? Shard { get; init; }

    /// <summary>With <see cref="Shard"/>: how many flows and unloadable files all the shards together have.</summary>
    public int ShardedFrom { get; init; }

    /// <summary>Flows that passed.</summary>
    public int PassedCount => Results.Count(r => r.Passed);

    /// <summary>Flows that did not pass, plus files that did not load.</summary>
    public int FailedCount => Results.Count(r => !r.Passed) + LoadErrors.Count;

    /// <summary>True when every flow passed, at least one ran and every file loaded.</summary>
    public bool AllPassed => Results.Count > 0 && FailedCount == 0;

    /// <summary>Process exit code for <c>actionagent test</c>: 0 only when everything passed, otherwise 1.</summary>
    public int ExitCode => AllPassed ? 0 : 1;
}
