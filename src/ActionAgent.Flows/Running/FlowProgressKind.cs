namespace ActionAgent.Flows.Running;

/// <summary>What a progress event reports.</summary>
public enum FlowProgressKind
{
    /// <summary>A flow started.</summary>
    FlowStarted,

    /// <summary>A step (instruction or expectation) started.</summary>
    StepStarted,

    /// <summary>A step ended (see Passed and Message).</summary>
    StepFinished,

    /// <summary>A flow ended (see Passed and Message).</summary>
    FlowFinished,
}
