namespace ActionAgent.Flows.Running;

/// <summary>How a flow ended.</summary>
public enum FlowStatus
{
    /// <summary>Every step ran and every expectation held.</summary>
    Passed,

    /// <summary>A step could not be carried out or an expectation did not hold.</summary>
    Failed,

    /// <summary>The flow took longer than its timeout.</summary>
    TimedOut,

    /// <summary>The infrastructure failed (the browser could not start, the session died).</summary>
    Error,

    /// <summary>The whole test run was cancelled before or while this flow ran.</summary>
    Cancelled,
}
