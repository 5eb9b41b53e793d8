using System.Globalization;
using Npgsql;

namespace ActionAgent.Approvals.Store;

/// <summary>
/// A <c>postgres://user:password@host:port/database</c> (or <c>postgresql://</c>) URL turned into an Npgsql connection
/// string, and the name it is shown by (without user and password). One reading for every option that takes one.
/// </summary>
public static class PostgresUrl
{
    /// <summary>True when <paramref name="value"/> starts like a PostgreSQL URL.</summary>
    public static bool Looks(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the URL; false when it does not look like one or names no host.</summary>
    public static bool TryParse(string value, out string connectionString, out string display)
    {
        connectionString = display = "";
        if (!Looks(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return false;
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
        connectionString = b.ConnectionString;
        display = string.Create(CultureInfo.InvariantCulture, $"postgres://{uri.Host}:{b.Port}/{b.Database}");
        return true;
    }
}
