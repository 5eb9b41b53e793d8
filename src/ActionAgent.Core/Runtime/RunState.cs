namespace ActionAgent.Core.Runtime;

/// <summary>The states of one run.</summary>
public enum RunState
{
    /// <summary>Set up, not started.</summary>
    Created,

    /// <summary>Taking an observation of the page.</summary>
    Observing,

    /// <summary>The decider is choosing the next action.</summary>
    Deciding,

    /// <summary>The policy is evaluating the proposed action.</summary>
    Checking,

    /// <summary>Held for a reviewer.</summary>
    AwaitingApproval,

    /// <summary>Carrying out the action.</summary>
    Executing,

    /// <summary>Checking what the action did.</summary>
    Verifying,

    /// <summary>The task was reported done.</summary>
    Completed,

    /// <summary>The run stopped on a failure.</summary>
    Failed,

    /// <summary>The run was cancelled (Ctrl+C, caller).</summary>
    Cancelled,
}
