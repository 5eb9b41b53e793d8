using ActionAgent.Core.Execution;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Cli.Output;

/// <summary>Process exit codes; documented in docs/cli.md.</summary>
public static class ExitCodes
{
    /// <summary>The run completed (or the command succeeded).</summary>
    public const int Success = 0;

    /// <summary>The run ended Failed (a step could not be grounded, max steps, a crashed page…).</summary>
    public const int RunFailed = 1;

    /// <summary>Bad input: unknown option, malformed config, policy or flow file.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// The environment is not ready: Chromium missing, browser endpoint unreachable, model key rejected (401/403), or the
    /// recording cannot be written (disk full).
    /// </summary>
    public const int Environment = 3;

    /// <summary>An action was refused: a reviewer rejected it, nobody approved it, or the policy denied it.</summary>
    public const int NotApproved = 4;

    /// <summary>The model provider was unavailable (down, 404, 429/5xx after retries, timeout).</summary>
    public const int ProviderUnavailable = 5;

    /// <summary>The model kept answering with output that breaks the action schema.</summary>
    public const int InvalidModelOutput = 6;

    /// <summary>The run's model budget (tokens, money, calls) was exhausted.</summary>
    public const int BudgetExceeded = 7;

    /// <summary>The exit code for how a run ended: switches on its <see cref="RunResult.Failure"/> kind, never on message text.</summary>
    public static int For(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            RunStatus.Completed => Success,
            RunStatus.Cancelled => Cancelled,
            _ => For(result.Failure),
        };
    }

    /// <summary>The exit code for a failure kind (documented in docs/cli.md).</summary>
    public static int For(FailureKind kind) => kind switch
    {
        FailureKind.None => Success,
        FailureKind.NotApproved or FailureKind.PolicyDenied => NotApproved,
        FailureKind.BudgetExceeded => BudgetExceeded,
        FailureKind.ProviderUnauthorized or FailureKind.RecordingFailed => Environment,
        FailureKind.ProviderUnavailable => ProviderUnavailable,
        FailureKind.InvalidModelOutput => InvalidModelOutput,
        FailureKind.Cancelled => Cancelled,
        _ => RunFailed,
    };

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
