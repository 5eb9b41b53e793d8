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

    /// <summary>
    /// The environment variable <c>run</c> reads when <c>--approvals-db</c> is not given: how a worker hands a URL with a
    /// password to its runs without putting it on their command lines.
    /// </summary>
    public const string EnvironmentVariable = "ACTIONAGENT_APPROVALS_DB";

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? SqlitePath { get; private init; }

    /// <summary>The Npgsql connection string, or null for SQLite.</summary>
    public string? PostgresConnectionString { get; private init; }

    /// <summary>How the store is named in messages: the full file path, or the URL without user and password.</summary>
    public string Display { get; }

    /// <summary>True when <paramref name="value"/> names a PostgreSQL database rather than a file.</summary>
    public static bool IsPostgresUrl(string value) => PostgresUrl.Looks(value);

    /// <summary>Parses a value; throws <see cref="FormatException"/> (one line) for a postgres URL without a host.</summary>
    public static ApprovalStoreLocation Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (!IsPostgresUrl(value))
        {
            var path = Path.GetFullPath(value);
            return new ApprovalStoreLocation(path) { SqlitePath = path };
        }

        if (!PostgresUrl.TryParse(value, out var connectionString, out var display))
        {
            throw new FormatException($"--approvals-db \"{value}\" is neither a file path nor postgres://user:password@host:port/database");
        }

        return new ApprovalStoreLocation(display) { PostgresConnectionString = connectionString };
    }
}
