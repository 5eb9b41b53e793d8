using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using ActionAgent.Serve.Tasks;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ActionAgent.Serve.Store;

/// <summary>
/// Tasks in SQLite or PostgreSQL (the same SQL on both). Every change of status is a conditional <c>UPDATE … WHERE
/// status = … AND attempt = …</c>, so two workers never both start the same attempt and a task ends exactly once.
/// </summary>
public sealed class TaskStore
{
    private const string Columns = "id, submission, policy_path, owner, status, attempt, run_id, worker, exit_code, message, steps, recording, cancel_requested, created_at, started_at, ended_at, heartbeat";
    private readonly StoreLocation _location;
    private readonly TimeProvider _time;

    private TaskStore(StoreLocation location, TimeProvider time)
    {
        _location = location;
        _time = time;
    }

    /// <summary>Where the tasks live.</summary>
    public StoreLocation Location => _location;

    /// <summary>
    /// Opens (and creates when missing) the store. Throws <see cref="StoreUnavailableException"/> when it cannot be
    /// reached and <see cref="StoreSchemaException"/> when a newer ActionAgent wrote it.
    /// </summary>
    public static async Task<TaskStore> OpenAsync(StoreLocation location, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var store = new TaskStore(location, time ?? TimeProvider.System);
        try
        {
            if (location.SqlitePath is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }

            await using var db = await store.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await TaskStoreSchema.MigrateAsync(db, location, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or SqliteException or SocketException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw new StoreUnavailableException($"store {location.Display} cannot be reached: {FirstLine(e.Message)}", e);
        }

        return store;
    }

    /// <summary>Adds a queued task.</summary>
    public async Task AddAsync(ServeTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var db = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, "INSERT INTO aa_tasks(id, submission, policy_path, owner, status, created_at) VALUES (@id, @sub, @policy, @owner, 'queued', @now)",
            ("@id", task.Id), ("@sub", JsonSerializer.Serialize(task.Submission, ServeJson.Default.TaskSubmission)), ("@policy", task.PolicyPath), ("@owner", task.Owner), ("@now", task.CreatedAt.ToUnixTimeMilliseconds()));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a task that was never handed to the queue (its enqueue failed: nothing half-queued).</summary>
    public async Task RemoveQueuedAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, "DELETE FROM aa_tasks WHERE id = @id AND status = 'queued'", ("@id", id));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The task, or null.</summary>
    public async Task<ServeTask?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, $"SELECT {Columns} FROM aa_tasks WHERE id = @id", ("@id", id));
        return (await ReadAsync(cmd, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>The newest tasks first.</summary>
    public async Task<IReadOnlyList<ServeTask>> ListAsync(int limit = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, $"SELECT {Columns} FROM aa_tasks ORDER BY created_at DESC, id DESC LIMIT @limit", ("@limit", (long)limit));
        return await ReadAsync(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts attempt <c>expectedAttempt + 1</c> when the task is still where the caller saw it (queued, or running attempt
    /// <paramref name="expectedAttempt"/> of a dead worker). False when another worker got there first or it ended.
    /// </summary>
    public async Task<bool> TryStartAsync(string id, int expectedAttempt, string worker, string runId, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, """
            UPDATE aa_tasks SET status = 'running', attempt = attempt + 1, worker = @worker, run_id = @run, heartbeat = @now,
                started_at = COALESCE(started_at, @now)
            WHERE id = @id AND status IN ('queued', 'running') AND attempt = @attempt AND cancel_requested = 0
            """, ("@id", id), ("@attempt", (long)expectedAttempt), ("@worker", worker), ("@run", runId), ("@now", now));
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The running attempt's sign of life; false when the attempt is no longer the current one.</summary>
    public async Task<bool> HeartbeatAsync(string id, int attempt, CancellationToken cancellationToken = default)
    {
        await using var db = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, "UPDATE aa_tasks SET heartbeat = @now WHERE id = @id AND status = 'running' AND attempt = @attempt",
            ("@id", id), ("@attempt", (long)attempt), ("@now", _time.GetUtcNow().ToUnixTimeMilliseconds()));
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Ends a running attempt; false when it already ended (so every task ends exactly once).</summary>
    public async Task<bool> TryFinishAsync(string id, int attempt, TaskOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var db = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, """
            UPDATE aa_tasks SET status = @status, exit_code = @exit, message = @message, steps = @steps, recording = @recording, ended_at = @now
            WHERE id = @id AND status = 'running' AND attempt = @attempt
            """, ("@id", id), ("@attempt", (long)attempt), ("@status", Word(outcome.Status)), ("@exit", (long)outcome.ExitCode), ("@message", outcome.Message),
            ("@steps", outcome.Steps is { } s ? (long)s : null), ("@recording", outcome.RecordingPath), ("@now", _time.GetUtcNow().ToUnixTimeMilliseconds()));
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Cancels a queued task at once, or asks the worker of a running one to stop it. False when it already ended.</summary>
    public async Task<bool> CancelAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (var queued = Command(db, "UPDATE aa_tasks SET status = 'cancelled', cancel_requested = 1, exit_code = 130, message = 'cancelled before it started', ended_at = @now WHERE id = @id AND status = 'queued'",
            ("@id", id), ("@now", _time.GetUtcNow().ToUnixTimeMilliseconds())))
        {
            if (await queued.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return true;
            }
        }

        await using var running = Command(db, "UPDATE aa_tasks SET cancel_requested = 1 WHERE id = @id AND status = 'running'", ("@id", id));
        return await running.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The status word stored for a status.</summary>
    public static string Word(ServeTaskStatus status) => status.ToString().ToLowerInvariant();

    private async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        DbConnection db = _location.Kind == StoreKind.Postgres ? new NpgsqlConnection(_location.ConnectionString) : new SqliteConnection(_location.ConnectionString);
        try
        {
            await db.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (db is SqliteConnection)
            {
                await using var wal = db.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return db;
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static DbCommand Command(DbConnection db, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    private static async Task<IReadOnlyList<ServeTask>> ReadAsync(DbCommand cmd, CancellationToken cancellationToken)
    {
        var list = new List<ServeTask>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new ServeTask
            {
                Id = r.GetString(0),
                Submission = JsonSerializer.Deserialize(r.GetString(1), ServeJson.Default.TaskSubmission) ?? new TaskSubmission(),
                PolicyPath = r.GetString(2),
                Owner = r.GetString(3),
                Status = Enum.Parse<ServeTaskStatus>(r.GetString(4), ignoreCase: true),
                Attempt = (int)Long(r, 5)!.Value,
                RunId = Text(r, 6),
                Worker = Text(r, 7),
                ExitCode = Long(r, 8) is { } exit ? (int)exit : null,
                Message = Text(r, 9),
                Steps = Long(r, 10) is { } steps ? (int)steps : null,
                RecordingPath = Text(r, 11),
                CancelRequested = Long(r, 12) == 1,
                CreatedAt = Time(r, 13)!.Value,
                StartedAt = Time(r, 14),
                EndedAt = Time(r, 15),
                Heartbeat = Time(r, 16),
            });
        }

        return list;
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(DbDataReader r, int i) => Long(r, i) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
