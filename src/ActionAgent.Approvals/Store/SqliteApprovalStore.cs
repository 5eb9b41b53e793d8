using System.Globalization;
using System.Text.Json;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Approvals.Store;

/// <summary>
/// The approval queue in one SQLite file (WAL, busy_timeout), shared by the agent process, the dashboard and the CLI.
/// Decisions are a single <c>UPDATE … WHERE status='pending'</c>, so of two concurrent reviewers exactly one wins; the
/// execution claim is <c>UPDATE … WHERE executed_at IS NULL</c>, so an approved action runs at most once. Keys carry the
/// action's fingerprint: a different action at the same run and step gets a new request and orphans the old one, and an
/// approval whose agent died before claiming it is orphaned after <see cref="SqliteApprovalStoreOptions.OrphanAfter"/>.
/// </summary>
public sealed class SqliteApprovalStore : IApprovalDatabase
{
    private const string Columns = ApprovalRows.Columns;

    private readonly SqliteApprovalStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _connectionString;

    private SqliteApprovalStore(SqliteApprovalStoreOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        var full = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        FilePath = full;
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public string Display => FilePath;

    /// <summary>
    /// Opens (creating when needed) the store, and on startup orphans pending requests whose agent is silent and expires
    /// overdue ones.
    /// </summary>
    public static async Task<SqliteApprovalStore> OpenAsync(SqliteApprovalStoreOptions options, TimeProvider? time = null, ILogger<SqliteApprovalStore>? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = new SqliteApprovalStore(options, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var changed = await store.SweepAsync(cancellationToken).ConfigureAwait(false);
        if (changed > 0)
        {
            store._logger.LogInformation("Approval store {Path}: {Count} stale requests expired or orphaned on startup", store.FilePath, changed);
        }

        return store;
    }

    /// <inheritdoc />
    public async Task<StoredApproval> EnqueueAsync(ApprovalRequest request, DateTimeOffset expiresAt, ApprovalTimeoutBehavior onTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Ms(_time.GetUtcNow());
        var action = request.Proposal.Action;
        var fingerprint = request.Fingerprint;
        var key = request.IdempotencyKey;
        var box = request.TargetElement?.Bounds is { } b && b.Area > 0 ? (request.Geometry?.ToScreenshot(b) ?? b) : (ScreenRect?)null;
        var (w, h) = PngSize(request.AnnotatedScreenshot.Span);

        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var hb = Command(db, tx, "INSERT INTO heartbeats(run_id, last_seen) VALUES(@run, @now) ON CONFLICT(run_id) DO UPDATE SET last_seen = excluded.last_seen"))
        {
            hb.Parameters.AddWithValue("@run", request.RunId);
            hb.Parameters.AddWithValue("@now", now);
            await hb.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var cmd = Command(db, tx, """
            INSERT INTO approvals(idempotency_key, run_id, step, task, url, action_json, action_summary, action_kind, action_value, proposal_reason,
                target_label, risk, rule, reason, screenshot, target_x, target_y, target_w, target_h, shot_w, shot_h, created_at, expires_at, on_timeout, status,
                fingerprint, fields_json, marks_screenshot, requested_by, requester_may_approve)
            VALUES(@key, @run, @step, @task, @url, @json, @summary, @kind, @value, @preason, @label, @risk, @rule, @reason, @shot, @tx, @ty, @tw, @th, @sw, @sh,
                @now, @expires, @ontimeout, 'pending', @fingerprint, @fields, @marks, @requester, @requesterMay)
            ON CONFLICT(idempotency_key) DO NOTHING
            """))
        {
            var p = cmd.Parameters;
            p.AddWithValue("@key", key);
            p.AddWithValue("@fingerprint", fingerprint.Value);
            p.AddWithValue("@fields", FieldsJson(request.FormFields));
            p.AddWithValue("@requester", ApprovalRows.Requester(request) is { } who ? who : DBNull.Value);
            p.AddWithValue("@requesterMay", request.RequesterMayApprove ? 1 : 0);
            p.Add("@marks", SqliteType.Blob).Value = request.MarksScreenshot.IsEmpty ? DBNull.Value : request.MarksScreenshot.ToArray();
            p.AddWithValue("@run", request.RunId);
            p.AddWithValue("@step", request.Step);
            p.AddWithValue("@task", request.Task);
            p.AddWithValue("@url", request.Url);
            p.AddWithValue("@json", JsonSerializer.Serialize(request.Proposal, ApprovalJson.Options));
            p.AddWithValue("@summary", action.Describe());
            p.AddWithValue("@kind", action.Kind);
            p.AddWithValue("@value", (object?)ValueOf(action) ?? DBNull.Value);
            p.AddWithValue("@preason", request.Proposal.Reason);
            p.AddWithValue("@label", request.TargetElement?.Label is { Length: > 0 } l ? l : action.PrimaryTarget?.Description ?? "");
            p.AddWithValue("@risk", request.Verdict.Risk.ToString());
            p.AddWithValue("@rule", request.Verdict.Rule);
            p.AddWithValue("@reason", request.Verdict.Reason);
            p.Add("@shot", SqliteType.Blob).Value = request.AnnotatedScreenshot.IsEmpty ? DBNull.Value : request.AnnotatedScreenshot.ToArray();
            p.AddWithValue("@tx", box is { } bx ? bx.X : DBNull.Value);
            p.AddWithValue("@ty", box is { } by ? by.Y : DBNull.Value);
            p.AddWithValue("@tw", box is { } bw ? bw.Width : DBNull.Value);
            p.AddWithValue("@th", box is { } bh ? bh.Height : DBNull.Value);
            p.AddWithValue("@sw", w);
            p.AddWithValue("@sh", h);
            p.AddWithValue("@now", now);
            p.AddWithValue("@expires", Ms(expiresAt));
            p.AddWithValue("@ontimeout", onTimeout.ToString());
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // The run and step now ask about this action: any other request of theirs that could still release an action (a
        // pending one, or an approved one nobody claimed, for example left by a killed run whose id was reused) never will.
        int superseded;
        await using (var cmd = Command(db, tx, """
            UPDATE approvals SET
                comment = CASE status WHEN 'approved' THEN 'approved by ' || COALESCE(reviewer, '?') || ', then ' ELSE '' END
                    || 'superseded by approval ' || (SELECT id FROM approvals WHERE idempotency_key = @key)
                    || ': run ' || run_id || ' step ' || step || ' now asks about a different action; this one never executes',
                status = 'orphaned', reviewer = 'agent', decided_at = @now
            WHERE run_id = @run AND step = @step AND idempotency_key <> @key
                AND (status = 'pending' OR (status = 'approved' AND executed_at IS NULL))
            """))
        {
            cmd.Parameters.AddWithValue("@key", key);
            cmd.Parameters.AddWithValue("@run", request.RunId);
            cmd.Parameters.AddWithValue("@step", request.Step);
            cmd.Parameters.AddWithValue("@now", now);
            superseded = await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        var stored = await FindAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"approval {key} vanished right after it was stored");
        if (superseded > 0)
        {
            _logger.LogWarning("Approval {Id} ({Key}) superseded {Count} earlier requests of run {RunId} step {Step} for a different action",
                stored.Id, stored.IdempotencyKey, superseded, request.RunId, request.Step);
        }

        _logger.LogInformation("Approval {Id} ({Key}) {Status}: {Action} ({Rule})", stored.Id, stored.IdempotencyKey, StatusWord(stored.Status), stored.ActionSummary, stored.Rule);
        return stored;
    }

    /// <inheritdoc />
    /// <remarks>Besides an id or a full key, "run:step" finds the newest request of that run and step.</remarks>
    public async Task<StoredApproval?> FindAsync(string idOrKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrKey);
        var found = await FindAllAsync(idOrKey, cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    /// <inheritdoc />
    public async Task<int> CountRunApprovalsAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, "SELECT COUNT(*) FROM approvals WHERE run_id = @run OR run_id = @net");
        cmd.Parameters.AddWithValue("@run", runId);
        cmd.Parameters.AddWithValue("@net", runId + "/net");
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<string?> CheckRunIdUnusedAsync(string runId, CancellationToken cancellationToken = default) =>
        ApprovalRows.RunIdUsed(runId, await CountRunApprovalsAsync(runId, cancellationToken).ConfigureAwait(false));

    /// <summary>The request with this id or key, or every request of "run:step" (newest first) when no key matches exactly.</summary>
    private async Task<IReadOnlyList<StoredApproval>> FindAllAsync(string idOrKey, CancellationToken cancellationToken)
    {
        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (long.TryParse(idOrKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return await QueryAsync(db, $"SELECT {Columns} FROM approvals WHERE id = @id", ("@id", id), cancellationToken).ConfigureAwait(false);
        }

        var exact = await QueryAsync(db, $"SELECT {Columns} FROM approvals WHERE idempotency_key = @key", ("@key", idOrKey), cancellationToken).ConfigureAwait(false);
        var colon = idOrKey.LastIndexOf(':');
        if (exact.Count > 0 || colon <= 0 || !int.TryParse(idOrKey.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var step))
        {
            return exact;
        }

        await using var cmd = Command(db, null, $"SELECT {Columns} FROM approvals WHERE run_id = @run AND step = @step ORDER BY id DESC");
        cmd.Parameters.AddWithValue("@run", idOrKey[..colon]);
        cmd.Parameters.AddWithValue("@step", step);
        return await ReadAllAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<StoredApproval>> QueryAsync(SqliteConnection db, string sql, (string Name, object Value) parameter, CancellationToken cancellationToken)
    {
        await using var cmd = Command(db, null, sql);
        cmd.Parameters.AddWithValue(parameter.Name, parameter.Value);
        return await ReadAllAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<StoredApproval>> ReadAllAsync(SqliteCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<StoredApproval>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredApproval>> ListAsync(ApprovalStatus? status = null, int limit = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, status is null
            ? $"SELECT {Columns} FROM approvals ORDER BY id DESC LIMIT @limit"
            : $"SELECT {Columns} FROM approvals WHERE status = @status ORDER BY id DESC LIMIT @limit");
        cmd.Parameters.AddWithValue("@status", StatusWord(status ?? ApprovalStatus.Pending));
        cmd.Parameters.AddWithValue("@limit", Math.Clamp(limit, 1, 10_000));
        return await ReadAllAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ReadOnlyMemory<byte>> GetScreenshotAsync(long id, CancellationToken cancellationToken = default) => BlobAsync("screenshot", id, cancellationToken);

    /// <inheritdoc />
    public Task<ReadOnlyMemory<byte>> GetMarksScreenshotAsync(long id, CancellationToken cancellationToken = default) => BlobAsync("marks_screenshot", id, cancellationToken);

    private async Task<ReadOnlyMemory<byte>> BlobAsync(string column, long id, CancellationToken cancellationToken)
    {
        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, $"SELECT {column} FROM approvals WHERE id = @id");
        cmd.Parameters.AddWithValue("@id", id);
        var value = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value as byte[] ?? ReadOnlyMemory<byte>.Empty;
    }

    /// <inheritdoc />
    public Task<ApprovalDecisionResult> DecideAsync(string idOrKey, ReviewerDecision decision, CancellationToken cancellationToken = default) =>
        ApprovalDecisionFlow.DecideAsync(idOrKey, decision, FindAllAsync, SweepOneAsync, ApplyIfPendingAsync, _logger, cancellationToken);

    // The decision lands only on a request that is still pending and not overdue: of two concurrent ones, one changes the row.
    private async Task<bool> ApplyIfPendingAsync(long id, ReviewerDecision decision, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, """
            UPDATE approvals SET status = @status, reviewer = @reviewer, comment = @comment, edited_value = @edited, decided_at = @now
            WHERE id = @id AND status = 'pending' AND expires_at > @now
            """);
        cmd.Parameters.AddWithValue("@status", decision.Approve ? "approved" : "rejected");
        cmd.Parameters.AddWithValue("@reviewer", decision.Reviewer);
        cmd.Parameters.AddWithValue("@comment", (object?)decision.Comment ?? DBNull.Value);
        cmd.Parameters.AddWithValue("@edited", (object?)decision.EditedValue ?? DBNull.Value);
        cmd.Parameters.AddWithValue("@now", Ms(now));
        cmd.Parameters.AddWithValue("@id", id);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimExecutionAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, "UPDATE approvals SET executed_at = @now WHERE idempotency_key = @key AND status = 'approved' AND executed_at IS NULL");
        cmd.Parameters.AddWithValue("@now", Ms(_time.GetUtcNow()));
        cmd.Parameters.AddWithValue("@key", idempotencyKey);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task HeartbeatAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, "INSERT INTO heartbeats(run_id, last_seen) VALUES(@run, @now) ON CONFLICT(run_id) DO UPDATE SET last_seen = excluded.last_seen");
        cmd.Parameters.AddWithValue("@run", runId);
        cmd.Parameters.AddWithValue("@now", Ms(_time.GetUtcNow()));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> AbandonAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, "UPDATE approvals SET status = 'orphaned', reviewer = 'agent', comment = @reason, decided_at = @now WHERE idempotency_key = @key AND status = 'pending'");
        cmd.Parameters.AddWithValue("@reason", reason);
        cmd.Parameters.AddWithValue("@now", Ms(_time.GetUtcNow()));
        cmd.Parameters.AddWithValue("@key", idempotencyKey);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public Task<int> SweepAsync(CancellationToken cancellationToken = default) => SweepWhereAsync("", null, cancellationToken);

    private async Task<bool> SweepOneAsync(long id, CancellationToken cancellationToken) =>
        await SweepWhereAsync(" AND id = @id", id, cancellationToken).ConfigureAwait(false) > 0;

    private async Task<int> SweepWhereAsync(string filter, long? id, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var stale = Ms(now - _options.OrphanAfter);
        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, $"""
            UPDATE approvals SET
                status = CASE on_timeout WHEN 'Reject' THEN 'rejected' ELSE 'expired' END,
                reviewer = 'timeout', comment = 'no reviewer decided in time', decided_at = @now
            WHERE status = 'pending' AND expires_at <= @now{filter};
            UPDATE approvals SET status = 'orphaned', reviewer = 'agent',
                comment = 'the agent stopped sending heartbeats (it exited or crashed)', decided_at = @now
            WHERE status = 'pending'{filter} AND NOT EXISTS (
                SELECT 1 FROM heartbeats h WHERE h.run_id = approvals.run_id AND h.last_seen > @stale);
            UPDATE approvals SET status = 'orphaned', reviewer = 'agent',
                comment = 'approved by ' || COALESCE(reviewer, '?') || ' at ' || strftime('%Y-%m-%d %H:%M:%SZ', decided_at / 1000, 'unixepoch')
                    || ' but never executed: the agent stopped sending heartbeats before claiming it (it exited or crashed)',
                decided_at = @now
            WHERE status = 'approved' AND executed_at IS NULL{filter} AND NOT EXISTS (
                SELECT 1 FROM heartbeats h WHERE h.run_id = approvals.run_id AND h.last_seen > @stale);
            """);
        cmd.Parameters.AddWithValue("@now", Ms(now));
        cmd.Parameters.AddWithValue("@stale", stale);
        cmd.Parameters.AddWithValue("@id", id ?? 0);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ApprovalStoreSchema.MigrateAsync(db, FilePath, Ms(_time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var db = new SqliteConnection(_connectionString);
        await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = db.CreateCommand();
        pragma.CommandText = FormattableString.Invariant($"PRAGMA busy_timeout = {(int)_options.BusyTimeout.TotalMilliseconds};");
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return db;
    }

    private static SqliteCommand Command(SqliteConnection db, SqliteTransaction? tx, string sql)
    {
        var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static StoredApproval Read(SqliteDataReader r) => ApprovalRows.Read(r);

    private static string FieldsJson(IReadOnlyList<FormFieldValue> fields) => ApprovalRows.FieldsJson(fields);

    /// <summary>The lower-case word for a status, as stored and shown.</summary>
    public static string StatusWord(ApprovalStatus status) => status.ToString().ToLowerInvariant();

    private static ApprovalStatus ParseStatus(string s) => Enum.Parse<ApprovalStatus>(s, ignoreCase: true);

    private static string? ValueOf(BrowserAction action) => ApprovalRows.ValueOf(action);

    private static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    /// <summary>Width and height from a PNG's IHDR chunk; (0, 0) when the bytes are not a PNG.</summary>
    internal static (int Width, int Height) PngSize(ReadOnlySpan<byte> png) => ApprovalRows.PngSize(png);
}
