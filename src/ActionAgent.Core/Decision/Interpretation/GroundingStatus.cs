namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>How grounding one step on one observation came out.</summary>
public enum GroundingStatus
{
    /// <summary>An action was found for the step.</summary>
    Grounded,

    /// <summary>The page is already as the step wants (a checkbox already checked): nothing to do.</summary>
    AlreadyDone,

    /// <summary>Nothing on the page matches well enough (it may appear later).</summary>
    NotFound,

    /// <summary>The instruction has no verb the interpreter knows and nothing on the page matches it.</summary>
    NotUnderstood,
}
