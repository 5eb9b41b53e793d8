namespace ActionAgent.Approvals.Store;

/// <summary>Where the approval queue lives and how it treats silent agents.</summary>
public sealed class SqliteApprovalStoreOptions
{
    /// <summary>The SQLite file. Default: <c>.actionagent/approvals.db</c> under the current folder.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(".actionagent", "approvals.db");

    /// <summary>A pending request whose run sent no heartbeat for this long is orphaned. Default: 30 s.</summary>
    public TimeSpan OrphanAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a writer waits for a lock held by another process (SQLite busy_timeout). Default: 10 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
