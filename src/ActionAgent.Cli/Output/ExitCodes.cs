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

    /// <summary>The environment is not ready: Chromium missing, URL or endpoint unreachable, models missing.</summary>
    public const int Environment = 3;

    /// <summary>An irreversible step was refused or not approved, and the run could not finish.</summary>
    public const int NotApproved = 4;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
