using ActionAgent.Core.Execution;

namespace ActionAgent.Core.Decision.Interpretation;

/// <summary>Reads an earlier step's outcome: was it refused, was its effect not seen, what checks confirmed it.</summary>
internal static class StepOutcomes
{
    private static readonly string ChecksMarker = ActionOutcome.ChecksMarker.TrimStart();

    /// <summary>The kind of refusal (a reviewer, an expired approval, the policy), or null when the step was not refused.</summary>
    public static FailureKind? RefusalOf(StepSummary step)
    {
        if (step.Succeeded)
        {
            return null;
        }

        if (step.Failure is FailureKind.NotApproved or FailureKind.PolicyDenied)
        {
            return step.Failure;
        }

        // The loop's own wording, for histories that carry no kind.
        var message = step.Outcome.TrimStart();
        if (message.StartsWith("denied by policy", StringComparison.OrdinalIgnoreCase))
        {
            return FailureKind.PolicyDenied;
        }

        return message.StartsWith("rejected by", StringComparison.OrdinalIgnoreCase)
            || message.StartsWith("approval expired", StringComparison.OrdinalIgnoreCase)
            || message.StartsWith("no reviewer", StringComparison.OrdinalIgnoreCase)
            ? FailureKind.NotApproved
            : null;
    }

    /// <summary>True when the action ran but the verifier did not see its effect.</summary>
    public static bool IsNotVerified(StepSummary step) =>
        step.Failure == FailureKind.NotVerified || step.Outcome.Contains("its effect was not seen", StringComparison.Ordinal);

    /// <summary>
    /// True when the verifier saw the page refuse what the step sent (fields marked invalid, the browser's validation, an
    /// error message at the form): the same press again gets the same answer, and a look-alike is not what was asked.
    /// </summary>
    public static bool IsRefusedByPage(StepSummary step) =>
        IsNotVerified(step) && step.Outcome.Contains("the page refused", StringComparison.Ordinal);

    /// <summary>The checks that confirmed a step: from the summary when the loop passed them, else from the outcome's "[checked: …]".</summary>
    public static IReadOnlyList<string> ChecksOf(StepSummary step)
    {
        if (step.Checks is { Count: > 0 } checks)
        {
            return checks;
        }

        var at = step.Outcome.LastIndexOf(ChecksMarker, StringComparison.Ordinal);
        if (at < 0 || !step.Outcome.EndsWith(']'))
        {
            return [];
        }

        return [.. step.Outcome[(at + ChecksMarker.Length)..^1].Split("; ", StringSplitOptions.RemoveEmptyEntries)];
    }
}
