using System.Globalization;
using ActionAgent.Approvals.Store;
using ActionAgent.Serve.Store;
using ActionAgent.Serve.Tasks;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Serve.Queue;

/// <summary>
/// The job the queue hands a worker for one task. The task row decides what happens: an ended task is left alone; a queued
/// one is started (conditional update, so only one worker wins); one running on a live worker (fresh heartbeat) is watched
/// until it ends or its worker dies. A dead worker's task is retried with a new run id, unless its run had reached an
/// approval (an approved irreversible step may have executed: the task fails instead, so it never runs twice) or its
/// attempts are used up.
/// </summary>
public sealed class TaskJob(TaskStore store, ITaskRunner runner, IApprovalDatabase approvals, WorkerOptions options, TimeProvider time, ILogger<TaskJob> logger)
{
    /// <summary>The queue the jobs go to.</summary>
    public const string Queue = "tasks";

    /// <summary>Runs (or recovers, or leaves alone) task <paramref name="taskId"/>.</summary>
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [Queue(Queue)]
    public async Task RunAsync(string taskId, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var task = await store.GetAsync(taskId, cancellationToken).ConfigureAwait(false);
            if (task is null || task.IsEnded)
            {
                return;
            }

            if (task.Status == ServeTaskStatus.Running && time.GetUtcNow() - (task.Heartbeat ?? task.CreatedAt) < options.DeadAfter)
            {
                // Another worker runs it (the queue handed the job out again): watch, and take over only if that worker dies.
                await Task.Delay(options.HeartbeatInterval, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (task.Status == ServeTaskStatus.Running && await EndDeadAttemptAsync(task, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var runId = string.Create(CultureInfo.InvariantCulture, $"{task.Id}-a{task.Attempt + 1}");
            if (await store.TryStartAsync(task.Id, task.Attempt, options.Name, runId, cancellationToken).ConfigureAwait(false))
            {
                await RunAttemptAsync(task with { Attempt = task.Attempt + 1, RunId = runId }, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    // True when the dead worker's task was ended here (not retried).
    private async Task<bool> EndDeadAttemptAsync(ServeTask task, CancellationToken cancellationToken)
    {
        string? reason = null;
        var status = ServeTaskStatus.Failed;
        var exit = 1;
        if (task.CancelRequested)
        {
            (reason, status, exit) = ("cancelled; its worker stopped while running it", ServeTaskStatus.Cancelled, 130);
        }
        else if (task.RunId is { } runId && await approvals.CountRunApprovalsAsync(runId, cancellationToken).ConfigureAwait(false) > 0)
        {
            reason = $"worker {task.Worker} stopped during run {runId} after it reached an approval; not retried, so an approved step never runs twice";
        }
        else if (task.Attempt >= options.MaxAttempts)
        {
            reason = $"worker {task.Worker} stopped during attempt {task.Attempt} of {options.MaxAttempts}; no attempts left";
        }

        if (reason is null)
        {
            logger.LogWarning("Task {Task}: worker {Worker} stopped during attempt {Attempt}; retrying", task.Id, task.Worker, task.Attempt);
            return false;
        }

        if (await store.TryFinishAsync(task.Id, task.Attempt, new TaskOutcome(status, exit, reason), cancellationToken).ConfigureAwait(false))
        {
            logger.LogWarning("Task {Task} ended {Status}: {Reason}", task.Id, status, reason);
        }

        return true;
    }

    private async Task RunAttemptAsync(ServeTask task, CancellationToken cancellationToken)
    {
        logger.LogInformation("Task {Task} attempt {Attempt} starts as run {Run} on {Worker}", task.Id, task.Attempt, task.RunId, options.Name);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = runner.RunAsync(task, task.RunId!, stop.Token);
        var cancelled = false;
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(options.HeartbeatInterval, time, CancellationToken.None)).ConfigureAwait(false);
            if (run.IsCompleted)
            {
                break;
            }

            try
            {
                await store.HeartbeatAsync(task.Id, task.Attempt, CancellationToken.None).ConfigureAwait(false);
                if (!cancelled && (await store.GetAsync(task.Id, CancellationToken.None).ConfigureAwait(false))?.CancelRequested == true)
                {
                    cancelled = true;
                    await stop.CancelAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or IOException)
            {
                // A store hiccup must not abandon a live run (it would go on without its task); a long outage makes the
                // heartbeat stale, and the dead-worker rules then decide.
                logger.LogWarning(e, "Task {Task}: heartbeat not written", task.Id);
            }
        }

        var outcome = await run.ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested && !cancelled)
        {
            // The worker is shutting down, not the operator cancelling: leave the attempt to the dead-worker rules.
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (await store.TryFinishAsync(task.Id, task.Attempt, outcome, CancellationToken.None).ConfigureAwait(false))
        {
            logger.LogInformation("Task {Task} ended {Status} (exit {Exit})", task.Id, outcome.Status, outcome.ExitCode);
        }
    }
}
