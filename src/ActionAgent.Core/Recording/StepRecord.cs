using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Core.Recording;

/// <summary>One line of steps.jsonl: what was seen, proposed, judged, decided and done, and how long each took.</summary>
public sealed record StepRecord
{
    /// <summary>The version of this record's shape; readers refuse versions they do not know.</summary>
    public int SchemaVersion { get; init; } = RecordingSchema.Version;

    /// <summary>The run this step belongs to.</summary>
    public required string RunId { get; init; }

    /// <summary>1-based step number.</summary>
    public required int Step { get; init; }

    /// <summary>When the step started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>What the step saw.</summary>
    public required ObservationSummary Observation { get; init; }

    /// <summary>What the decider proposed.</summary>
    public required ProposedAction Proposal { get; init; }

    /// <summary>The element the action targeted, as perceived (a descriptor for replay, healing and export).</summary>
    public UiElement? Target { get; init; }

    /// <summary>The policy's verdict; null for terminal actions that were not checked.</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>The approval decision (automatic when no reviewer was needed).</summary>
    public ApprovalDecision? Decision { get; init; }

    /// <summary>What happened.</summary>
    public required ActionOutcome Outcome { get; init; }

    /// <summary>
    /// True on the line written before the action ran. A later line for the same step replaces it; when none follows, the
    /// run stopped while the action was being carried out and whether it took effect is unknown.
    /// </summary>
    public bool Executing { get; init; }

    /// <summary>Time per phase.</summary>
    public required StepDurations Durations { get; init; }

    /// <summary>
    /// When the run kept a Playwright trace (trace.zip beside the recording): milliseconds from the trace's start to this
    /// step's start, i.e. where the step is on the trace viewer's timeline (its browser calls are grouped under its name).
    /// </summary>
    public long? TraceMs { get; init; }
}
