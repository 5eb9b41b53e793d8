using ActionAgent.Serve.Queue;
using ActionAgent.Serve.Store;

namespace ActionAgent.Serve.Web;

/// <summary>Everything <c>actionagent serve</c> needs: where it listens, who may use it, the store, and its in-process workers.</summary>
public sealed class ServeOptions
{
    /// <summary>Address to listen on. Default: 127.0.0.1.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port; 0 picks a free one. Default: 5290.</summary>
    public int Port { get; set; } = 5290;

    /// <summary>Tokens and roles. Required.</summary>
    public ServeTokens? Tokens { get; set; }

    /// <summary>The task store and job queue. Required.</summary>
    public StoreLocation? Store { get; set; }

    /// <summary>Folder of the policies a submission may name. Required.</summary>
    public string PoliciesDirectory { get; set; } = "";

    /// <summary>In-process workers (0: this instance only serves; workers run elsewhere). Default: 1.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>How workers run tasks and spot dead workers.</summary>
    public WorkerOptions Worker { get; set; } = new();

    /// <summary>How a task's run is started, and where approvals, audit and recordings go. Required.</summary>
    public RunnerOptions Runner { get; set; } = new();
}
