using System.Data.Common;
using System.Globalization;

namespace ActionAgent.Serve.Store;

/// <summary>
/// Creates the task table (the same SQL on SQLite and PostgreSQL) and checks its version in <c>aa_schema</c>. A store
/// written by a newer ActionAgent is refused with <see cref="StoreSchemaException"/> and left unchanged.
/// </summary>
internal static class TaskStoreSchema
{
    /// <summary>The schema version this code writes.</summary>
    public const int Current = 1;

    private const string Create = """
        CREATE TABLE IF NOT EXISTS aa_schema(name TEXT PRIMARY KEY, version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS aa_tasks(
            id TEXT PRIMARY KEY,
            submission TEXT NOT NULL,
            policy_path TEXT NOT NULL,
            owner TEXT NOT NULL,
            status TEXT NOT NULL,
            attempt INTEGER NOT NULL DEFAULT 0,
            run_id TEXT,
            worker TEXT,
            exit_code INTEGER,
            message TEXT,
            steps INTEGER,
            recording TEXT,
            cancel_requested INTEGER NOT NULL DEFAULT 0,
            created_at BIGINT NOT NULL,
            started_at BIGINT,
            ended_at BIGINT,
            heartbeat BIGINT);
        CREATE INDEX IF NOT EXISTS ix_aa_tasks_status ON aa_tasks(status, created_at);
        INSERT INTO aa_schema(name, version) SELECT 'tasks', 1 WHERE NOT EXISTS (SELECT 1 FROM aa_schema WHERE name = 'tasks');
        """;

    /// <summary>Creates the tables when missing; throws <see cref="StoreSchemaException"/> for a newer schema.</summary>
    public static async Task MigrateAsync(DbConnection db, StoreLocation location, CancellationToken cancellationToken)
    {
        await using var tx = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (location.Kind == StoreKind.Postgres)
        {
            // Two processes creating the tables at once would collide in the catalog: one waits for the other.
            await ExecuteAsync(db, tx, "SELECT pg_advisory_xact_lock(74617416);", cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(db, tx, Create, cancellationToken).ConfigureAwait(false);
        await using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT version FROM aa_schema WHERE name = 'tasks'";
        var version = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (version > Current)
        {
            throw new StoreSchemaException(string.Create(CultureInfo.InvariantCulture,
                $"store {location.Display} has task schema version {version}, newer than this ActionAgent understands ({Current}); upgrade this worker to the actionagent that serves the store"));
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(DbConnection db, DbTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
