namespace ActionAgent.Models;

/// <summary>
/// The prefixes of the <see cref="Core.Decision.FailAction"/> reasons the model deciders return, so a caller (the CLI)
/// can tell a spent budget from a dead endpoint or a model that would not answer in shape, and pick an exit code.
/// </summary>
public static class ModelFailures
{
    /// <summary>A call was refused before it was sent: the run's budget would be exceeded.</summary>
    public const string BudgetExceeded = "budget exceeded:";

    /// <summary>The provider could not be used (key rejected, unknown model, endpoint down, rate limits, server errors).</summary>
    public const string ModelCallFailed = "model call failed:";

    /// <summary>The model kept answering with something that is not a valid action.</summary>
    public const string InvalidOutput = "invalid model output:";

    /// <summary>The kind of model failure a fail reason reports, or null when it is not one (the model itself gave up).</summary>
    public static string? Classify(string? reason) =>
        reason is null ? null
        : reason.StartsWith(BudgetExceeded, StringComparison.Ordinal) ? BudgetExceeded
        : reason.StartsWith(ModelCallFailed, StringComparison.Ordinal) ? ModelCallFailed
        : reason.StartsWith(InvalidOutput, StringComparison.Ordinal) ? InvalidOutput
        : null;
}
