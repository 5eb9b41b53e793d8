using ActionAgent.Core.Runtime;

namespace ActionAgent.Core.Recording;

/// <summary>run.json: the task, who decided, versions, status and timings of one run.</summary>
public sealed record RunManifest
{
    /// <summary>Schema version.</summary>
    public int SchemaVersion { get; init; } = RecordingSchema.Version;

    /// <summary>Run id (also the folder name).</summary>
    public required string RunId { get; init; }

    /// <summary>The task as given.</summary>
    public required string Task { get; init; }

    /// <summary>Decider name.</summary>
    public string Decider { get; init; } = "";

    /// <summary>The skill the task ran as (null for a plain task or flow).</summary>
    public SkillRecord? Skill { get; init; }

    /// <summary>Where the run started.</summary>
    public string? StartUrl { get; init; }

    /// <summary>Versions of ActionAgent, Playwright, the browser, models, prompt, policy hash…</summary>
    public IReadOnlyDictionary<string, string> Versions { get; init; } = new Dictionary<string, string>();

    /// <summary>Running until the run ends; a recording left Running was killed and is incomplete.</summary>
    public RunStatus Status { get; init; } = RunStatus.Running;

    /// <summary>The final message (the done result or why it failed).</summary>
    public string Message { get; init; } = "";

    /// <summary>Why the run did not complete (None when it did, or while it runs).</summary>
    public Execution.FailureKind Failure { get; init; }

    /// <summary>Start time.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>End time, when it ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Steps recorded.</summary>
    public int Steps { get; init; }

    /// <summary>Total model tokens.</summary>
    public long Tokens { get; init; }

    /// <summary>Total model cost.</summary>
    public decimal Cost { get; init; }

    /// <summary>True when the run did not end cleanly (killed): its status is still Running.</summary>
    public bool Incomplete => Status == RunStatus.Running;
}
