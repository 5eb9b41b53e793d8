using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionAgent.Approvals.Store;

namespace ActionAgent.Approvals.Audit;

/// <summary>
/// An append-only, hash-chained JSONL log of verdicts, decisions and security events. Each line carries <c>prevHash</c> and
/// <c>hash = SHA-256(prevHash + canonical entry)</c>; <see cref="Verify(string)"/> names every damaged or edited line. Appends chain
/// from the last sound entry, so a damaged tail never blocks a run or a decision. Processes append one at a time under an
/// exclusive file lock. Texts are limited by <see cref="AuditLimits"/>. Never put secret values in entries.
/// <see cref="Open"/> also takes a <c>postgres://</c> URL: the same lines, one per row of <c>aa_audit</c>, appended under
/// a database lock so workers on many machines share one chain.
/// </summary>
public sealed class AuditLog
{
    /// <summary>The prevHash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>How long an append or a read waits for another process's lock before it gives up: 30 seconds.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PostgresAuditJournal? _postgres;

    /// <summary>A log at a path (created on first append).</summary>
    public AuditLog(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _time = time ?? TimeProvider.System;
    }

    private AuditLog(PostgresAuditJournal postgres, TimeProvider? time)
    {
        _postgres = postgres;
        Path = postgres.Display;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The log an <c>--audit</c> value names: a file, or a <c>postgres://</c> URL (table <c>aa_audit</c>, created on first use).
    /// Throws <see cref="FormatException"/> for a malformed URL; an unreachable database fails the first append or read with an IOException.
    /// </summary>
    public static AuditLog Open(string location, TimeProvider? time = null)
    {
        var where = AuditLogLocation.Parse(location);
        return where.FilePath is { } file ? new AuditLog(file, time) : new AuditLog(new PostgresAuditJournal(where), time);
    }

    /// <summary>The file, or for PostgreSQL the URL without user and password (what runs record as their log).</summary>
    public string Path { get; }

    /// <summary>
    /// Appends an entry; <paramref name="data"/> is serialised to a JSON object (camelCase). Throws
    /// <see cref="AuditEntryTooLargeException"/> (nothing written) when a text is over <see cref="AuditLimits.MaxTextLength"/>.
    /// </summary>
    public async Task<AuditEntry> AppendAsync(string kind, object data, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var obj = data as JsonObject ?? JsonSerializer.SerializeToNode(data, ApprovalJson.Options) as JsonObject
            ?? throw new ArgumentException("audit data must serialise to a JSON object", nameof(data));
        var sorted = (JsonObject)AuditHashing.Sort(obj);
        AuditLimits.CheckEntry(kind, sorted);
        if (_postgres is not null)
        {
            return await _postgres.AppendAsync(kind, sorted, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);

            // FileShare.None takes an exclusive lock on Unix (flock), so processes append one at a time.
            using var fs = await OpenLockedAsync(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, cancellationToken).ConfigureAwait(false);
            return AppendLocked(fs, kind, sorted);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Synchronous append, for callers that cannot await (the policy decorator).</summary>
    public AuditEntry Append(string kind, object data) => AppendAsync(kind, data).GetAwaiter().GetResult();

    /// <summary>The seq and hash of the last sound entry (what the next append chains from), or null when the log is empty or missing.</summary>
    public async Task<AuditHead?> ReadHeadAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!File.Exists(Path))
        {
            return null;
        }

        using var fs = await OpenLockedAsync(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, cancellationToken).ConfigureAwait(false);
        return AuditTail.Find(fs).Head;
    }

    /// <summary>Checks the whole chain, streaming; reports every damaged, edited, deleted, inserted or moved line.</summary>
    public static AuditVerification Verify(string path) => Verify(path, []);

    /// <summary>Checks the whole chain and that every <paramref name="expected"/> head (recorded by runs) is still in the log.</summary>
    public static AuditVerification Verify(string path, IReadOnlyCollection<ExpectedAuditHead> expected) =>
        VerifyAsync(path, expected).GetAwaiter().GetResult();

    /// <summary>Checks the whole chain and that every <paramref name="expected"/> head (recorded by runs) is still in the log.</summary>
    public static async Task<AuditVerification> VerifyAsync(string path, IReadOnlyCollection<ExpectedAuditHead> expected, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (PostgresUrl.Looks(path))
        {
            // Findings are numbered by row in id order: "postgres://host:port/db#aa_audit:ROW: problem".
            var where = AuditLogLocation.Parse(path);
            return await new PostgresAuditJournal(where).VerifyAsync(where.Display + "#aa_audit", expected, cancellationToken).ConfigureAwait(false);
        }

        if (!File.Exists(path))
        {
            return new AuditVerification(false, 0, null, $"{path}: no such audit log");
        }

        // The length under a shared lock (no append is half-written then), then the walk reads up to it, locking per read only.
        long length;
        using (var fs = await OpenLockedAsync(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, cancellationToken).ConfigureAwait(false))
        {
            length = fs.Length;
        }

        using var snapshot = new AuditSnapshotStream(path, length, p => OpenLockedAsync(p, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, cancellationToken).GetAwaiter().GetResult());
        return AuditVerifier.Verify(snapshot, path, expected);
    }

    private AuditEntry AppendLocked(FileStream fs, string kind, JsonObject sorted)
    {
        var (head, endsWithNewline) = AuditTail.Find(fs);
        var (entry, line) = AuditHashing.Compose(head, _time.GetUtcNow(), kind, sorted);
        var bytes = Encoding.UTF8.GetBytes((endsWithNewline ? "" : "\n") + line + "\n");
        if (bytes.Length - 1 > AuditLimits.MaxLineBytes)
        {
            throw new AuditEntryTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"audit entry \"{kind}\" is {bytes.Length - 1:N0} bytes; the limit is {AuditLimits.MaxLineBytes:N0}: shorten its texts"));
        }

        // A cut-off last line (a crash mid-write) gets its newline first, so the new entry starts a line of its own.
        var start = fs.Seek(0, SeekOrigin.End);
        try
        {
            fs.Write(bytes);
            fs.Flush(flushToDisk: true);
        }
        catch (IOException e)
        {
            // Leave no half-written line behind (a full disk): the log stays as it was.
            TryTruncate(fs, start);
            throw new IOException($"cannot append to the audit log {Path}: {e.Message}", e);
        }

        return entry;
    }

    private static void TryTruncate(FileStream fs, long length)
    {
        try
        {
            fs.SetLength(length);
        }
        catch (IOException)
        {
            // The disk refuses even that: verify will report the cut-off line and the next append completes it.
        }
    }

    /// <summary>Opens the file, waiting (up to <see cref="LockTimeout"/>) while another process holds a conflicting lock.</summary>
    private static async Task<FileStream> OpenLockedAsync(string path, FileMode mode, FileAccess access, FileShare share, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var delay = 1;
        while (true)
        {
            try
            {
                return new FileStream(path, mode, access, share, bufferSize: 1);
            }
            catch (IOException e) when (IsLocked(e) && waited.Elapsed < LockTimeout)
            {
                // Another process is appending or verifying: wait a moment (the lock is held for milliseconds per append).
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = Math.Min(delay * 2, 50);
            }
            catch (IOException e) when (IsLocked(e))
            {
                throw new IOException($"the audit log {path} stayed locked by another process for {LockTimeout.TotalSeconds:0} s; find the process holding it (e.g. with lsof) and retry", e);
            }
        }
    }

    /// <summary>A sharing violation is a plain IOException; missing files and paths have their own types.</summary>
    private static bool IsLocked(IOException e) => e.GetType() == typeof(IOException);
}
