using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Expectations;

namespace ActionAgent.Flows.Running;

/// <summary>The result of one flow: status, the first failure in words, every step and final expectation, and where it was recorded.</summary>
public sealed record FlowResult(FlowDefinition Flow, FlowStatus Status, string Message, TimeSpan Duration)
{
    /// <summary>True when the flow passed.</summary>
    public bool Passed => Status == FlowStatus.Passed;

    /// <summary>Steps that ran, in order (instructions and in-between expectations).</summary>
    public IReadOnlyList<FlowStepResult> Steps { get; init; } = [];

    /// <summary>Results of the expectations at the end of the flow.</summary>
    public IReadOnlyList<ExpectationResult> Expectations { get; init; } = [];

    /// <summary>The recording folder (run.json, steps.jsonl, screenshots), when recording was on.</summary>
    public string? RecordingPath { get; init; }

    /// <summary>The Playwright trace kept for this flow (trace.zip in its recording), when one was.</summary>
    public string? TracePath { get; init; }

    /// <summary>When the flow started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>A screenshot (PNG) of the page at the failure; empty when the flow passed or none could be taken.</summary>
    public ReadOnlyMemory<byte> FailureScreenshot { get; init; }

    /// <summary>Model tokens spent by the flow's decisions.</summary>
    public long Tokens { get; init; }

    /// <summary>Model cost of the flow's decisions.</summary>
    public decimal Cost { get; init; }
}
