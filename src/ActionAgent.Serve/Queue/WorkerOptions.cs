namespace ActionAgent.Serve.Queue;

/// <summary>How a worker runs tasks and decides that another worker died.</summary>
public sealed class WorkerOptions
{
    /// <summary>Name shown in the task list. Default: machine name and process id.</summary>
    public string Name { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Tasks this process runs at once (one Chromium each). Default: 1.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>How often a running task's heartbeat is written and its cancel flag read. Default: 2 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A running task whose heartbeat is older than this belongs to a dead worker. Default: 20 s.</summary>
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Most attempts of one task (a dead worker's attempt counts). Default: 2.</summary>
    public int MaxAttempts { get; set; } = 2;

    /// <summary>How long the job queue hides a fetched job before another worker may take it (dead-worker detection). Default: 1 min.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often idle workers look for new jobs. Default: 1 s.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
