namespace ActionAgent.Models.Verification;

/// <summary>What the end-of-run check concluded about a run that claimed to be done.</summary>
public enum VerificationStatus
{
    /// <summary>The final page shows the task done.</summary>
    Verified,

    /// <summary>The final page does not show the task done.</summary>
    NotVerified,

    /// <summary>The check could not be made (no valid answer, provider error, budget spent).</summary>
    Unavailable,
}
