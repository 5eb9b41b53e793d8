using ActionAgent.Approvals.Store;
using ActionAgent.Serve.Store;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace ActionAgent.Serve.Queue;

/// <summary>
/// Registers the job queue on the store, and (when workers &gt; 0) a Hangfire server that runs
/// <see cref="TaskJob"/>s: the same registration for <c>serve</c>'s in-process worker and for <c>actionagent worker</c>.
/// </summary>
public static class WorkerServices
{
    /// <summary>Adds the queue (and the worker) to <paramref name="services"/>.</summary>
    public static IServiceCollection AddTaskQueue(this IServiceCollection services, TaskStore store, IApprovalDatabase approvals, WorkerOptions worker, RunnerOptions runner, int workers, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        services.AddSingleton(store);
        services.AddSingleton(approvals);
        services.AddSingleton(worker);
        services.AddSingleton(runner);
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<ITaskRunner, ChildProcessTaskRunner>();
        services.AddTransient<TaskJob>();
        services.AddHangfire(c => QueueStorage.Use(c, store.Location, worker));
        if (workers > 0)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = workers;
                o.Queues = [TaskJob.Queue];
                o.ServerName = worker.Name;
                o.SchedulePollingInterval = worker.QueuePollInterval;
                o.ShutdownTimeout = TimeSpan.FromSeconds(5);
            });
        }

        return services;
    }
}
