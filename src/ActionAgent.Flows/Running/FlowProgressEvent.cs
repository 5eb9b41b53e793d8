namespace ActionAgent.Flows.Running;

/// <summary>One progress event of a test run, for a live display; Step is 0 for flow-level events.</summary>
public sealed record FlowProgressEvent(FlowProgressKind Kind, string Flow, int Step, int StepCount, string Text)
{
    /// <summary>For finished events: whether it passed.</summary>
    public bool? Passed { get; init; }

    /// <summary>For finished events: what happened ("timed out after 30s", "expected … / actual …").</summary>
    public string Message { get; init; } = "";

    /// <summary>For finished flows: the status.</summary>
    public FlowStatus? Status { get; init; }
}
