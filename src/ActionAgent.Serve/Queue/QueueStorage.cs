using ActionAgent.Serve.Store;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;

namespace ActionAgent.Serve.Queue;

/// <summary>
/// Points Hangfire at the store: Hangfire.Storage.SQLite in <c>FILE.queue</c> beside a SQLite task store, or
/// Hangfire.PostgreSql (schema <c>hangfire</c>, sliding invisibility timeout, so a live worker keeps its job and a
/// dead one's job returns to the queue) in the same PostgreSQL database.
/// </summary>
public static class QueueStorage
{
    /// <summary>Configures Hangfire's storage for <paramref name="location"/>.</summary>
    public static IGlobalConfiguration Use(IGlobalConfiguration configuration, StoreLocation location, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        configuration.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
        if (location.Kind == StoreKind.Postgres)
        {
            return configuration.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(location.ConnectionString), new PostgreSqlStorageOptions
            {
                PrepareSchemaIfNecessary = true,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = options.InvisibilityTimeout,
                QueuePollInterval = options.QueuePollInterval,
            });
        }

        return configuration.UseSQLiteStorage(location.SqlitePath + ".queue", new SQLiteStorageOptions
        {
            InvisibilityTimeout = options.InvisibilityTimeout,
            QueuePollInterval = options.QueuePollInterval,
        });
    }
}
