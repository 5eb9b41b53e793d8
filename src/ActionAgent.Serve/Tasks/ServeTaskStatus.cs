namespace ActionAgent.Serve.Tasks;

/// <summary>Where a task is in its life: queued, running on a worker, or ended (exactly one of the three ends).</summary>
public enum ServeTaskStatus
{
    /// <summary>Submitted, waiting for a worker.</summary>
    Queued,

    /// <summary>A worker runs it (see <see cref="ServeTask.Worker"/> and its heartbeat).</summary>
    Running,

    /// <summary>The run completed (exit code 0).</summary>
    Completed,

    /// <summary>The run failed, was refused, or its worker died and the task could not safely be retried.</summary>
    Failed,

    /// <summary>Cancelled by its operator or an admin.</summary>
    Cancelled,
}
