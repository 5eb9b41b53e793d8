using System.Globalization;
using System.Text.Json;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ActionAgent.Approvals.Store;

/// <summary>
/// The approval queue in PostgreSQL, shared by agents, workers, dashboards and <c>serve</c> instances on any machines. Same
/// semantics as <see cref="SqliteApprovalStore"/>: a decision is one <c>UPDATE … WHERE status='pending'</c> and the execution
/// claim one <c>UPDATE … WHERE executed_at IS NULL</c>; under READ COMMITTED the loser of two concurrent updates waits for the
/// winner's row lock, re-checks the condition on the new row and changes nothing, so an approved action runs at most once.
/// </summary>
public sealed class PostgresApprovalStore : IApprovalDatabase
{
    private const string Columns = ApprovalRows.Columns;

    private readonly PostgresApprovalStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly NpgsqlDataSource _source;

    private PostgresApprovalStore(PostgresApprovalStoreOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _source = NpgsqlDataSource.Create(options.ConnectionString);
        var b = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Display = options.Display ?? string.Create(CultureInfo.InvariantCulture, $"postgres://{b.Host}:{b.Port}/{b.Database}");
    }

    /// <inheritdoc />
    public string Display { get; }

    /// <summary>
    /// Opens the store, creating its tables when missing, then expires overdue requests and orphans those whose agent is
    /// silent. Throws <see cref="NpgsqlException"/> when the server cannot be reached and <see cref="InvalidDataException"/>
    /// when a newer ActionAgent wrote the tables.
    /// </summary>
    public static async Task<PostgresApprovalStore> OpenAsync(PostgresApprovalStoreOptions options, TimeProvider? time = null, ILogger<PostgresApprovalStore>? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = new PostgresApprovalStore(options, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
        await using (var db = await store._source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            await PostgresApprovalStoreSchema.MigrateAsync(db, store.Display, cancellationToken).ConfigureAwait(false);
        }

        var changed = await store.SweepAsync(cancellationToken).ConfigureAwait(false);
        if (changed > 0)
        {
            store._logger.LogInformation("Approval store {Store}: {Count} stale requests expired or orphaned on startup", store.Display, changed);
        }

        return store;
    }

    /// <inheritdoc />
    public async Task<StoredApproval> EnqueueAsync(ApprovalRequest request, DateTimeOffset expiresAt, ApprovalTimeoutBehavior onTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = Ms(_time.GetUtcNow());
        var action = request.Proposal.Action;
        var key = request.IdempotencyKey;
        var box = request.TargetElement?.Bounds is { } b && b.Area > 0 ? (request.Geometry?.ToScreenshot(b) ?? b) : (ScreenRect?)null;
        var (w, h) = ApprovalRows.PngSize(request.AnnotatedScreenshot.Span);

        await using var db = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var hb = Command(db, tx, PostgresApprovalSql.Heartbeat))
        {
            hb.Parameters.AddWithValue("run", request.RunId);
            hb.Parameters.AddWithValue("now", now);
            await hb.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var cmd = Command(db, tx, PostgresApprovalSql.Insert))
        {
            var p = cmd.Parameters;
            p.AddWithValue("key", key);
            p.AddWithValue("fingerprint", request.Fingerprint.Value);
            p.AddWithValue("fields", ApprovalRows.FieldsJson(request.FormFields));
            p.Add(new NpgsqlParameter("requester", NpgsqlDbType.Text) { Value = ApprovalRows.Requester(request) is { } who ? who : DBNull.Value });
            p.AddWithValue("requesterMay", request.RequesterMayApprove ? 1 : 0);
            p.Add(new NpgsqlParameter("marks", NpgsqlDbType.Bytea) { Value = request.MarksScreenshot.IsEmpty ? DBNull.Value : request.MarksScreenshot.ToArray() });
            p.AddWithValue("run", request.RunId);
            p.AddWithValue("step", request.Step);
            p.AddWithValue("task", request.Task);
            p.AddWithValue("url", request.Url);
            p.AddWithValue("json", JsonSerializer.Serialize(request.Proposal, ApprovalJson.Options));
            p.AddWithValue("summary", action.Describe());
            p.AddWithValue("kind", action.Kind);
            p.Add(new NpgsqlParameter("value", NpgsqlDbType.Text) { Value = (object?)ApprovalRows.ValueOf(action) ?? DBNull.Value });
            p.AddWithValue("preason", request.Proposal.Reason);
            p.AddWithValue("label", request.TargetElement?.Label is { Length: > 0 } l ? l : action.PrimaryTarget?.Description ?? "");
            p.AddWithValue("risk", request.Verdict.Risk.ToString());
            p.AddWithValue("rule", request.Verdict.Rule);
            p.AddWithValue("reason", request.Verdict.Reason);
            p.Add(new NpgsqlParameter("shot", NpgsqlDbType.Bytea) { Value = request.AnnotatedScreenshot.IsEmpty ? DBNull.Value : request.AnnotatedScreenshot.ToArray() });
            p.Add(new NpgsqlParameter("tx", NpgsqlDbType.Double) { Value = box is { } bx ? bx.X : DBNull.Value });
            p.Add(new NpgsqlParameter("ty", NpgsqlDbType.Double) { Value = box is { } by ? by.Y : DBNull.Value });
            p.Add(new NpgsqlParameter("tw", NpgsqlDbType.Double) { Value = box is { } bw ? bw.Width : DBNull.Value });
            p.Add(new NpgsqlParameter("th", NpgsqlDbType.Double) { Value = box is { } bh ? bh.Height : DBNull.Value });
            p.AddWithValue("sw", w);
            p.AddWithValue("sh", h);
            p.AddWithValue("now", now);
            p.AddWithValue("expires", Ms(expiresAt));
            p.AddWithValue("ontimeout", onTimeout.ToString());
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // The run and step now ask about this action: any other request of theirs that could still release one never will.
        int superseded;
        await using (var cmd = Command(db, tx, PostgresApprovalSql.Supersede))
        {
            cmd.Parameters.AddWithValue("key", key);
            cmd.Parameters.AddWithValue("run", request.RunId);
            cmd.Parameters.AddWithValue("step", request.Step);
            cmd.Parameters.AddWithValue("now", now);
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

        _logger.LogInformation("Approval {Id} ({Key}) {Status}: {Action} ({Rule})", stored.Id, stored.IdempotencyKey, SqliteApprovalStore.StatusWord(stored.Status), stored.ActionSummary, stored.Rule);
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
        await using var db = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, "SELECT COUNT(*) FROM aa_approvals WHERE run_id = @run OR run_id = @net");
        cmd.Parameters.AddWithValue("run", runId);
        cmd.Parameters.AddWithValue("net", runId + "/net");
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<string?> CheckRunIdUnusedAsync(string runId, CancellationToken cancellationToken = default) =>
        ApprovalRows.RunIdUsed(runId, await CountRunApprovalsAsync(runId, cancellationToken).ConfigureAwait(false));

    private async Task<IReadOnlyList<StoredApproval>> FindAllAsync(string idOrKey, CancellationToken cancellationToken)
    {
        await using var db = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (long.TryParse(idOrKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await using var byId = Command(db, null, $"SELECT {Columns} FROM aa_approvals WHERE id = @id");
            byId.Parameters.AddWithValue("id", id);
            return await ReadAllAsync(byId, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<StoredApproval> exact;
        await using (var byKey = Command(db, null, $"SELECT {Columns} FROM aa_approvals WHERE idempotency_key = @key"))
        {
            byKey.Parameters.AddWithValue("key", idOrKey);
            exact = await ReadAllAsync(byKey, cancellationToken).ConfigureAwait(false);
        }

        var colon = idOrKey.LastIndexOf(':');
        if (exact.Count > 0 || colon <= 0 || !int.TryParse(idOrKey.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var step))
        {
            return exact;
        }

        await using var cmd = Command(db, null, $"SELECT {Columns} FROM aa_approvals WHERE run_id = @run AND step = @step ORDER BY id DESC");
        cmd.Parameters.AddWithValue("run", idOrKey[..colon]);
        cmd.Parameters.AddWithValue("step", step);
        return await ReadAllAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredApproval>> ListAsync(ApprovalStatus? status = null, int limit = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, status is null
            ? $"SELECT {Columns} FROM aa_approvals ORDER BY id DESC LIMIT @limit"
            : $"SELECT {Columns} FROM aa_approvals WHERE status = @status ORDER BY id DESC LIMIT @limit");
        if (status is { } s)
        {
            cmd.Parameters.AddWithValue("status", SqliteApprovalStore.StatusWord(s));
        }

        cmd.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, 10_000));
        return await ReadAllAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ReadOnlyMemory<byte>> GetScreenshotAsync(long id, CancellationToken cancellationToken = default) => BlobAsync("screenshot", id, cancellationToken);

    /// <inheritdoc />
    public Task<ReadOnlyMemory<byte>> GetMarksScreenshotAsync(long id, CancellationToken cancellationToken = default) => BlobAsync("marks_screenshot", id, cancellationToken);

    private async Task<ReadOnlyMemory<byte>> BlobAsync(string column, long id, CancellationToken cancellationToken)
    {
        await using var db = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, $"SELECT {column} FROM aa_approvals WHERE id = @id");
        cmd.Parameters.AddWithValue("id", id);
        var value = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value as byte[] ?? ReadOnlyMemory<byte>.Empty;
    }

    /// <inheritdoc />
    public Task<ApprovalDecisionResult> DecideAsync(string idOrKey, ReviewerDecision decision, CancellationToken cancellationToken = default) =>
        ApprovalDecisionFlow.DecideAsync(idOrKey, decision, FindAllAsync, async (id, ct) => await SweepWhereAsync(id, ct).ConfigureAwait(false) > 0,
            ApplyIfPendingAsync, _logger, cancellationToken);

    // The decision lands only on a request that is still pending and not overdue: under READ COMMITTED the loser of two
    // concurrent updates waits for the winner's row lock, re-checks the condition and changes nothing.
    private async Task<bool> ApplyIfPendingAsync(long id, ReviewerDecision decision, CancellationToken cancellationToken)
    {
        await using var db = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, PostgresApprovalSql.Decide);
        cmd.Parameters.AddWithValue("status", decision.Approve ? "approved" : "rejected");
        cmd.Parameters.AddWithValue("reviewer", decision.Reviewer);
        cmd.Parameters.Add(new NpgsqlParameter("comment", NpgsqlDbType.Text) { Value = (object?)decision.Comment ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("edited", NpgsqlDbType.Text) { Value = (object?)decision.EditedValue ?? DBNull.Value });
        cmd.Parameters.AddWithValue("now", Ms(_time.GetUtcNow()));
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimExecutionAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        await using var db = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, PostgresApprovalSql.ClaimExecution);
        cmd.Parameters.AddWithValue("now", Ms(_time.GetUtcNow()));
        cmd.Parameters.AddWithValue("key", idempotencyKey);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc />
    public async Task HeartbeatAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await using var db = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, PostgresApprovalSql.Heartbeat);
        cmd.Parameters.AddWithValue("run", runId);
        cmd.Parameters.AddWithValue("now", Ms(_time.GetUtcNow()));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> AbandonAsync(string idempotencyKey, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, null, PostgresApprovalSql.Abandon);
        cmd.Parameters.AddWithValue("reason", reason);
        cmd.Parameters.AddWithValue("now", Ms(_time.GetUtcNow()));
        cmd.Parameters.AddWithValue("key", idempotencyKey);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public Task<int> SweepAsync(CancellationToken cancellationToken = default) => SweepWhereAsync(null, cancellationToken);

    // One transaction, three conditional updates: expired first, then silent agents' pending and unclaimed approved ones.
    private async Task<int> SweepWhereAsync(long? id, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var db = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = 0;
        foreach (var sql in PostgresApprovalSql.Sweep)
        {
            await using var cmd = Command(db, tx, sql);
            cmd.Parameters.AddWithValue("now", Ms(now));
            cmd.Parameters.AddWithValue("stale", Ms(now - _options.OrphanAfter));
            cmd.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Bigint) { Value = id is { } v ? v : DBNull.Value });
            changed += await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    private static NpgsqlCommand Command(NpgsqlConnection db, NpgsqlTransaction? tx, string sql) => new(sql, db, tx);

    private static async Task<IReadOnlyList<StoredApproval>> ReadAllAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<StoredApproval>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ApprovalRows.Read(reader));
        }

        return list;
    }

    private static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();
}
