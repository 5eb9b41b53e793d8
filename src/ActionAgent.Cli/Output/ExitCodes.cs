namespace ActionAgent.Cli.Output;

/// <summary>Process exit codes; documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>The run completed (or the command succeeded).</summary>
    public const int Success = 0;

    /// <summary>The run ended Failed (a step could not be grounded, max steps, a crashed page…).</summary>
    public const int RunFailed = 1;

    /// <summary>Bad input: unknown option, malformed config, policy or flow file.</summary>
    public const int BadInput = 2;

    /// <summary>The environment is not ready: Chromium missing, browser endpoint unreachable, model key rejected (401/403).</summary>
    public const int Environment = 3;

    /// <summary>An irreversible step was refused or not approved, and the run could not finish.</summary>
    public const int NotApproved = 4;

    /// <summary>The model provider was unavailable (down, 404, 429/5xx after retries, timeout).</summary>
    public const int ProviderUnavailable = 5;

    /// <summary>The model kept answering with output that breaks the action schema.</summary>
    public const int InvalidModelOutput = 6;

    /// <summary>The run's model budget (tokens, money, calls) was exhausted.</summary>
    public const int BudgetExceeded = 7;

    /// <summary>The exit code for a failed run, from the model-failure prefix of its final message (1 when none).</summary>
    public static int ForModelFailure(string message) => Models.ModelFailures.Classify(message) switch
    {
        Models.ModelFailures.BudgetExceeded => BudgetExceeded,
        Models.ModelFailures.InvalidOutput => InvalidModelOutput,
        Models.ModelFailures.ModelCallFailed when message.Contains("(401 ", StringComparison.Ordinal) || message.Contains("(403 ", StringComparison.Ordinal) => Environment,
        Models.ModelFailures.ModelCallFailed => ProviderUnavailable,
        _ => RunFailed,
    };

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
