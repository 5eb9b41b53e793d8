using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Definition;

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
    public IReadOnlyList<LoadErrorEntry> LoadErrors { get; init; } = [];

    /// <summary>Every flow that ran, in run order.</summary>
    public IReadOnlyList<FlowEntry> Flows { get; init; } = [];

    /// <summary>A file that did not load.</summary>
    public sealed record LoadErrorEntry(string Path, string Message);

    /// <summary>One flow's result, with the steps it had (for "not run" rows).</summary>
    public sealed record FlowEntry
    {
        /// <summary>Flow name (the test case name).</summary>
        public required string Name { get; init; }

        /// <summary>The flow file, relative to the working folder of the run ('/' separators).</summary>
        public string File { get; init; } = "";

        /// <summary>Start URL.</summary>
        public string Url { get; init; } = "";

        /// <summary>Tags.</summary>
        public IReadOnlyList<string> Tags { get; init; } = [];

        /// <summary>Passed, Failed, TimedOut, Error or Cancelled.</summary>
        public required string Status { get; init; }

        /// <summary>The first failure in words.</summary>
        public string Message { get; init; } = "";

        /// <summary>Duration in milliseconds.</summary>
        public long DurationMs { get; init; }

        /// <summary>When the flow started.</summary>
        public DateTimeOffset StartedAt { get; init; }

        /// <summary>The recording folder on the machine that ran it.</summary>
        public string? Recording { get; init; }

        /// <summary>Model tokens spent.</summary>
        public long Tokens { get; init; }

        /// <summary>Model cost.</summary>
        public decimal Cost { get; init; }

        /// <summary>PNG of the page at the failure (base64), when the flow failed and one was taken.</summary>
        public string? FailureScreenshotPng { get; init; }

        /// <summary>The steps as written in the flow.</summary>
        public IReadOnlyList<PlannedStep> Planned { get; init; } = [];

        /// <summary>The final expectations as written in the flow.</summary>
        public IReadOnlyList<ExpectationEntry> PlannedExpectations { get; init; } = [];

        /// <summary>The steps that ran.</summary>
        public IReadOnlyList<StepEntry> Steps { get; init; } = [];

        /// <summary>The results of the final expectations.</summary>
        public IReadOnlyList<ExpectationEntry> Expectations { get; init; } = [];
    }

    /// <summary>A step as written.</summary>
    public sealed record PlannedStep(int Index, string Text, bool IsExpectation, SourceLocation Location);

    /// <summary>A step that ran.</summary>
    public sealed record StepEntry(int Index, string Text, bool IsExpectation, bool Passed, string Message, long DurationMs)
    {
        /// <summary>Agent actions it took.</summary>
        public int Actions { get; init; }

        /// <summary>URL when it ended.</summary>
        public string? Url { get; init; }

        /// <summary>For an expectation step: its result.</summary>
        public ExpectationEntry? Expectation { get; init; }
    }

    /// <summary>An expectation (as written) and, once checked, its result; images as base64 PNG for visual regions.</summary>
    public sealed record ExpectationEntry(string Source, SourceLocation Location, string Expected)
    {
        /// <summary>True when it held (false when it did not, or was not checked).</summary>
        public bool Passed { get; init; }

        /// <summary>What the page had.</summary>
        public string Actual { get; init; } = "";

        /// <summary>Baseline image (base64 PNG), failed visual regions only.</summary>
        public string? ExpectedImagePng { get; init; }

        /// <summary>Region as it looked (base64 PNG), failed visual regions only.</summary>
        public string? ActualImagePng { get; init; }
    }
}
