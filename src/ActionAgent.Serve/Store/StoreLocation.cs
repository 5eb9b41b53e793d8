using ActionAgent.Approvals.Store;
using Microsoft.Data.Sqlite;

namespace ActionAgent.Serve.Store;

/// <summary>
/// A <c>--store</c> value: <c>sqlite:PATH</c> (default <c>sqlite:.actionagent/serve.db</c>) or
/// <c>postgres://user:password@host:port/database</c>. Parsed once into a connection string for each engine.
/// </summary>
public sealed record StoreLocation(StoreKind Kind, string ConnectionString, string Display)
{
    /// <summary>For SQLite: the database file. Tasks live in it, the job queue in <c>FILE.queue</c>.</summary>
    public string? SqlitePath { get; init; }

    /// <summary>Parses a <c>--store</c> value; throws <see cref="FormatException"/> saying what is expected.</summary>
    public static StoreLocation Parse(string value, string defaultFolder)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(value["sqlite:".Length..], defaultFolder);
            var cs = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true }.ToString();
            return new StoreLocation(StoreKind.Sqlite, cs, "sqlite:" + path) { SqlitePath = path };
        }

        if (PostgresUrl.TryParse(value, out var connectionString, out var display))
        {
            return new StoreLocation(StoreKind.Postgres, connectionString, display);
        }

        throw new FormatException($"--store \"{value}\" is neither sqlite:PATH nor postgres://user:password@host:port/database");
    }
}
