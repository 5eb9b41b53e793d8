namespace ActionAgent.Core.Execution;

/// <summary>How an action ended.</summary>
public enum OutcomeStatus
{
    /// <summary>Carried out.</summary>
    Succeeded,

    /// <summary>Tried and failed (target gone, timeout, navigation error); fed back to the decider.</summary>
    Failed,

    /// <summary>Not carried out: rejected by a reviewer, denied by policy, or expired.</summary>
    Skipped,
}
