using Microsoft.Data.Sqlite;
using Npgsql;

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

        if ((value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            var user = uri.UserInfo.Split(':', 2);
            var b = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
                Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "postgres",
                Username = user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : null,
                Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
                Timeout = 5,
                MaxPoolSize = 20,
            };
            var shown = $"postgres://{uri.Host}:{b.Port}/{b.Database}";
            return new StoreLocation(StoreKind.Postgres, b.ConnectionString, shown);
        }

        throw new FormatException($"--store \"{value}\" is neither sqlite:PATH nor postgres://user:password@host:port/database");
    }
}
