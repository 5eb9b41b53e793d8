namespace ActionAgent.Core.Runtime;

/// <summary>How a run ended: status, the agent's final message, steps taken and model cost.</summary>
public sealed record RunResult(string RunId, RunStatus Status, string Message, int Steps)
{
    /// <summary>Why the run did not complete (<see cref="Execution.FailureKind.None"/> when it did).</summary>
    public Execution.FailureKind Failure { get; init; }

    /// <summary>Total tokens spent on model calls.</summary>
    public long Tokens { get; init; }

    /// <summary>Total money spent on model calls.</summary>
    public decimal Cost { get; init; }

    /// <summary>Where the recording was written, when it was.</summary>
    public string? RecordingPath { get; init; }

    /// <summary>The Playwright trace kept beside the recording (trace.zip), when one was.</summary>
    public string? TracePath { get; init; }
}
