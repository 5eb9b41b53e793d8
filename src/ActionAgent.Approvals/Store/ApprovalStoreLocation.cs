using System.Globalization;
using Npgsql;

namespace ActionAgent.Approvals.Store;

/// <summary>
/// An <c>--approvals-db</c> value: a SQLite file path (as always), or <c>postgres://user:password@host:port/database</c>
/// (also <c>postgresql://</c>) for approvals shared by agents and reviewers on any machines.
/// </summary>
public sealed record ApprovalStoreLocation
{
    private ApprovalStoreLocation(string display)
    {
        Display = display;
    }

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? SqlitePath { get; private init; }

    /// <summary>The Npgsql connection string, or null for SQLite.</summary>
    public string? PostgresConnectionString { get; private init; }

    /// <summary>How the store is named in messages: the full file path, or the URL without user and password.</summary>
    public string Display { get; }

    /// <summary>True when <paramref name="value"/> names a PostgreSQL database rather than a file.</summary>
    public static bool IsPostgresUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a value; throws <see cref="FormatException"/> (one line) for a postgres URL without a host.</summary>
    public static ApprovalStoreLocation Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (!IsPostgresUrl(value))
        {
            var path = Path.GetFullPath(value);
            return new ApprovalStoreLocation(path) { SqlitePath = path };
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException($"--approvals-db \"{value}\" is neither a file path nor postgres://user:password@host:port/database");
        }

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
        return new ApprovalStoreLocation(string.Create(CultureInfo.InvariantCulture, $"postgres://{uri.Host}:{b.Port}/{b.Database}"))
        {
            PostgresConnectionString = b.ConnectionString,
        };
    }
}
