namespace ActionAgent.Core.Execution;

/// <summary>
/// Why an action, a step or a run did not succeed, as a value: exit codes, retries and reports switch on it, never on
/// message text. <see cref="None"/> for a success.
/// </summary>
public enum FailureKind
{
    /// <summary>Nothing failed.</summary>
    None,

    /// <summary>The action was tried and did not work (target gone, timeout of the action itself, navigation error).</summary>
    ActionFailed,

    /// <summary>The action ran but its expected effect was not observed.</summary>
    NotVerified,

    /// <summary>The instruction could not be matched to anything on the page.</summary>
    NotGrounded,

    /// <summary>The decider (or the agent) gave up on the task.</summary>
    TaskFailed,

    /// <summary>The agent needs a person to answer a question.</summary>
    NeedsHuman,

    /// <summary>A reviewer rejected the action, its approval expired, or no reviewer was available.</summary>
    NotApproved,

    /// <summary>The policy denied the action (domain, pattern, limit, upload folder…).</summary>
    PolicyDenied,

    /// <summary>The run's model budget (tokens, cost, calls) was exhausted.</summary>
    BudgetExceeded,

    /// <summary>The model provider rejected the key (401/403).</summary>
    ProviderUnauthorized,

    /// <summary>The model provider was unavailable after retries (down, 404, 429/5xx, timeout).</summary>
    ProviderUnavailable,

    /// <summary>The model kept answering outside the action schema.</summary>
    InvalidModelOutput,

    /// <summary>A step did not finish within the step timeout.</summary>
    StepTimeout,

    /// <summary>The run reached its step limit or too many failures in a row.</summary>
    LimitReached,

    /// <summary>Dead infrastructure: the browser crashed, the page closed, the disk is full.</summary>
    Infrastructure,

    /// <summary>
    /// The recording could not be written (disk full, no permission): the run stops before its next action, because an
    /// action that cannot be recorded is not carried out.
    /// </summary>
    RecordingFailed,

    /// <summary>The run was cancelled.</summary>
    Cancelled,
}
