namespace ActionAgent.Approvals.Store;

/// <summary>Where a PostgreSQL approval queue lives and how it treats silent agents.</summary>
public sealed class PostgresApprovalStoreOptions
{
    /// <summary>The Npgsql connection string. Required; <see cref="ApprovalStoreLocation"/> builds one from a postgres:// URL.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>How the database is named in messages (no password). Default: host, port and database from the connection string.</summary>
    public string? Display { get; set; }

    /// <summary>A pending request whose run sent no heartbeat for this long is orphaned. Default: 30 s.</summary>
    public TimeSpan OrphanAfter { get; set; } = TimeSpan.FromSeconds(30);
}
