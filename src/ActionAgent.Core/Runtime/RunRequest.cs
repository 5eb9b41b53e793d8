namespace ActionAgent.Core.Runtime;

/// <summary>What to do: the task in words, and optionally the run id to use (one is generated otherwise).</summary>
public sealed record RunRequest(string Task)
{
    /// <summary>Run id; generated from the clock and a random suffix when empty.</summary>
    public string? RunId { get; init; }

    /// <summary>The URL the run starts on, for the recording.</summary>
    public string? StartUrl { get; init; }
}
