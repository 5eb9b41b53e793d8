namespace ActionAgent.Serve.Store;

/// <summary>The database behind tasks and the job queue.</summary>
public enum StoreKind
{
    /// <summary>One SQLite file: the embedded default, one machine.</summary>
    Sqlite,

    /// <summary>PostgreSQL: any number of serve instances and workers on any machines.</summary>
    Postgres,
}
