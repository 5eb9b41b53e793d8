namespace ActionAgent.Core.Runtime;

/// <summary>How a run ended (or that it is still running).</summary>
public enum RunStatus
{
    /// <summary>Still running, or killed before it could say how it ended (an incomplete recording).</summary>
    Running,

    /// <summary>The task was reported done.</summary>
    Completed,

    /// <summary>The run stopped on a failure.</summary>
    Failed,

    /// <summary>The run was cancelled.</summary>
    Cancelled,
}
