using ActionAgent.Serve.Tasks;

namespace ActionAgent.Serve.Queue;

/// <summary>Runs one attempt of a task through the governed pipeline and says how it ended.</summary>
public interface ITaskRunner
{
    /// <summary>Runs <paramref name="task"/> as run <paramref name="runId"/>; cancelling stops the run (it ends Cancelled).</summary>
    Task<TaskOutcome> RunAsync(ServeTask task, string runId, CancellationToken cancellationToken = default);
}
