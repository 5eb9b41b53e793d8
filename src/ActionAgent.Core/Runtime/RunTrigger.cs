namespace ActionAgent.Core.Runtime;

/// <summary>Events that move a run between states.</summary>
public enum RunTrigger
{
    /// <summary>The run starts.</summary>
    Start,

    /// <summary>An observation was taken.</summary>
    Observed,

    /// <summary>The decider proposed an action.</summary>
    Decided,

    /// <summary>The policy allowed the action.</summary>
    Allowed,

    /// <summary>The policy requires a reviewer.</summary>
    ApprovalRequired,

    /// <summary>A reviewer approved.</summary>
    Approved,

    /// <summary>A reviewer rejected, or the request expired: the reason goes back to the decider.</summary>
    Rejected,

    /// <summary>The policy denied the action: the reason goes back to the decider.</summary>
    Denied,

    /// <summary>The action was carried out (or failed as a value).</summary>
    Executed,

    /// <summary>The outcome was checked; observe again.</summary>
    Verified,

    /// <summary>The decider reported the task done.</summary>
    Finish,

    /// <summary>The run cannot go on.</summary>
    Fail,

    /// <summary>The run was cancelled.</summary>
    Cancel,
}
