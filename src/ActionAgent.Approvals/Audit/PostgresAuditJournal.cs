using System.Data;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace ActionAgent.Approvals.Audit;

/// <summary>
/// The audit chain in PostgreSQL, table <c>aa_audit(id, line)</c>: each row holds exactly the line the file log would
/// write. Appends from any number of processes and machines take one transaction-scoped advisory lock, read the head and
/// insert the next row, so the chain never forks; verification streams the rows in id order through <see cref="AuditVerifier"/>.
/// </summary>
internal sealed class PostgresAuditJournal
{
    /// <summary>The schema version of <c>aa_audit</c> this code writes.</summary>
    public const int SchemaVersion = 1;

    // The same lock as the task and approval schemas guards table creation; appends take a lock of their own.
    private const long AppendLock = 74617417;
    private const int HeadBatch = 64;

    private const string Create = """
        SELECT pg_advisory_xact_lock(74617416);
        CREATE TABLE IF NOT EXISTS aa_schema(name TEXT PRIMARY KEY, version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS aa_audit(id BIGINT PRIMARY KEY, line TEXT NOT NULL);
        INSERT INTO aa_schema(name, version) VALUES ('audit', 1) ON CONFLICT (name) DO NOTHING;
        """;

    private readonly NpgsqlDataSource _source;
    private readonly SemaphoreSlim _migrate = new(1, 1);
    private bool _migrated;

    public PostgresAuditJournal(AuditLogLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        _source = NpgsqlDataSource.Create(location.PostgresConnectionString ?? throw new ArgumentException("not a PostgreSQL location", nameof(location)));
        Display = location.Display;
    }

    /// <summary>The URL without user and password.</summary>
    public string Display { get; }

    /// <summary>Appends the next entry under the append lock; nothing is written when the entry is too large or the insert fails.</summary>
    public async Task<AuditEntry> AppendAsync(string kind, JsonObject sorted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", db, tx))
        {
            lockCmd.Parameters.AddWithValue("k", AppendLock);
            await lockCmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var (head, lastId) = await FindHeadAsync(db, tx, cancellationToken).ConfigureAwait(false);
        var (entry, line) = AuditHashing.Compose(head, now, kind, sorted);
        var bytes = Encoding.UTF8.GetByteCount(line);
        if (bytes > AuditLimits.MaxLineBytes)
        {
            throw new AuditEntryTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"audit entry \"{kind}\" is {bytes:N0} bytes; the limit is {AuditLimits.MaxLineBytes:N0}: shorten its texts"));
        }

        await using (var insert = new NpgsqlCommand("INSERT INTO aa_audit(id, line) VALUES (@id, @line)", db, tx))
        {
            insert.Parameters.AddWithValue("id", lastId + 1);
            insert.Parameters.AddWithValue("line", line);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>The last sound entry (what the next append chains from), or null for an empty log.</summary>
    public async Task<AuditHead?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await FindHeadAsync(db, null, cancellationToken).ConfigureAwait(false)).Head;
    }

    /// <summary>Walks every row in id order, in one snapshot (appends meanwhile are not half-seen).</summary>
    public async Task<AuditVerification> VerifyAsync(string label, IReadOnlyCollection<ExpectedAuditHead> expected, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand("SELECT line FROM aa_audit ORDER BY id", db, tx);
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        await using var rows = new AuditRowStream(reader);
        return AuditVerifier.Verify(rows, label, expected);
    }

    // Newest rows first, a batch at a time, until one whose hash holds (damaged rows at the end are stepped over, as in a file).
    private static async Task<(AuditHead? Head, long LastId)> FindHeadAsync(NpgsqlConnection db, NpgsqlTransaction? tx, CancellationToken cancellationToken)
    {
        long? lastId = null;
        var before = long.MaxValue;
        while (true)
        {
            await using var cmd = new NpgsqlCommand("SELECT id, line FROM aa_audit WHERE id < @before ORDER BY id DESC LIMIT @n", db, tx);
            cmd.Parameters.AddWithValue("before", before);
            cmd.Parameters.AddWithValue("n", HeadBatch);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows++;
                before = reader.GetInt64(0);
                lastId ??= before;
                var parsed = AuditLineParser.Parse(Encoding.UTF8.GetBytes(reader.GetString(1)));
                if (parsed.Consistent)
                {
                    return (new AuditHead(parsed.Seq, parsed.Hash), lastId.Value);
                }
            }

            if (rows < HeadBatch)
            {
                return (null, lastId ?? 0);
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection db;
        try
        {
            db = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new IOException($"audit log {Display} cannot be reached: {e.Message.Split('\n', 2)[0].Trim()}", e);
        }

        if (!_migrated)
        {
            await _migrate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_migrated)
                {
                    await MigrateAsync(db, cancellationToken).ConfigureAwait(false);
                    _migrated = true;
                }
            }
            finally
            {
                _migrate.Release();
            }
        }

        return db;
    }

    private async Task MigrateAsync(NpgsqlConnection db, CancellationToken cancellationToken)
    {
        await using var tx = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = new NpgsqlCommand(Create, db, tx))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var cmd = new NpgsqlCommand("SELECT version FROM aa_schema WHERE name = 'audit'", db, tx);
        var version = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"audit log {Display} has schema version {version}, newer than this ActionAgent understands ({SchemaVersion}); use the newer actionagent that wrote it, or give another --audit"));
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
