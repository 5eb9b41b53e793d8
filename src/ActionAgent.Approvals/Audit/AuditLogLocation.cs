using ActionAgent.Approvals.Store;

namespace ActionAgent.Approvals.Audit;

/// <summary>
/// An <c>--audit</c> value: a JSONL file path (the default), or <c>postgres://user:password@host:port/database</c> (also
/// <c>postgresql://</c>) for one chain shared by runs on any machines, in table <c>aa_audit</c>.
/// </summary>
public sealed record AuditLogLocation
{
    private AuditLogLocation(string display)
    {
        Display = display;
    }

    /// <summary>
    /// The environment variable <c>run</c> reads when <c>--audit</c> is not given: how a worker hands a URL with a password
    /// to its runs without putting it on their command lines.
    /// </summary>
    public const string EnvironmentVariable = "ACTIONAGENT_AUDIT";

    /// <summary>The log file (full path), or null for PostgreSQL.</summary>
    public string? FilePath { get; private init; }

    /// <summary>The Npgsql connection string, or null for a file.</summary>
    public string? PostgresConnectionString { get; private init; }

    /// <summary>How the log is named in messages and in run.json: the full file path, or the URL without user and password.</summary>
    public string Display { get; }

    /// <summary>A value as it should be handed on: a postgres URL unchanged (it may carry its password), a file path made full.</summary>
    public static string Normalize(string value) => PostgresUrl.Looks(value) ? value : Path.GetFullPath(value);

    /// <summary>The name runs record for this log (<see cref="Display"/>), for comparing a run's log with the one being verified.</summary>
    public static string KeyOf(string value) => PostgresUrl.Looks(value) && PostgresUrl.TryParse(value, out _, out var display) ? display : Path.GetFullPath(value);

    /// <summary>Parses a value; throws <see cref="FormatException"/> (one line) for a postgres URL without a host.</summary>
    public static AuditLogLocation Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (!PostgresUrl.Looks(value))
        {
            var path = Path.GetFullPath(value);
            return new AuditLogLocation(path) { FilePath = path };
        }

        if (!PostgresUrl.TryParse(value, out var connectionString, out var display))
        {
            throw new FormatException($"--audit \"{value}\" is neither a file path nor postgres://user:password@host:port/database");
        }

        return new AuditLogLocation(display) { PostgresConnectionString = connectionString };
    }
}
