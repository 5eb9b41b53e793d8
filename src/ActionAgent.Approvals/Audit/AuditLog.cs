using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionAgent.Approvals.Store;

namespace ActionAgent.Approvals.Audit;

/// <summary>
/// An append-only, hash-chained JSONL log of verdicts, decisions and security events. Each line carries
/// <c>prevHash</c> and <c>hash = SHA-256(prevHash + canonical entry)</c>, so editing, deleting or reordering lines breaks
/// the chain; <see cref="Verify"/> says which line. Several processes may append to one file (an exclusive file lock
/// serialises them). Never put secret values in entries.
/// </summary>
public sealed class AuditLog
{
    /// <summary>The prevHash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A log at a path (created on first append).</summary>
    public AuditLog(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Appends an entry; <paramref name="data"/> is serialised to a JSON object (camelCase).</summary>
    public async Task<AuditEntry> AppendAsync(string kind, object data, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var obj = data as JsonObject ?? JsonSerializer.SerializeToNode(data, ApprovalJson.Options) as JsonObject
            ?? throw new ArgumentException("audit data must serialise to a JSON object", nameof(data));
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return AppendLocked(kind, obj);
                }
                catch (IOException) when (attempt < 200)
                {
                    // Another process holds the lock: wait a moment.
                    await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Synchronous append, for callers that cannot await (the policy decorator).</summary>
    public AuditEntry Append(string kind, object data) => AppendAsync(kind, data).GetAwaiter().GetResult();

    /// <summary>Checks the whole chain. Reports the first line that was edited, deleted, inserted or moved.</summary>
    public static AuditVerification Verify(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return new AuditVerification(false, 0, null, $"{path}: no such audit log");
        }

        var prev = Genesis;
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0)
            {
                return Bad(path, lineNo, "empty line (a line was removed or the file was edited)");
            }

            JsonObject obj;
            try
            {
                obj = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not an object");
            }
            catch (JsonException e)
            {
                return Bad(path, lineNo, $"not a valid entry ({e.Message})");
            }

            var seq = obj["seq"]?.GetValue<long>();
            var at = obj["at"]?.GetValue<string>();
            var kind = obj["kind"]?.GetValue<string>();
            var data = obj["data"] as JsonObject;
            var prevHash = obj["prevHash"]?.GetValue<string>();
            var hash = obj["hash"]?.GetValue<string>();
            if (seq is null || at is null || kind is null || data is null || prevHash is null || hash is null)
            {
                return Bad(path, lineNo, "an entry field is missing (seq, at, kind, data, prevHash, hash)");
            }

            var expected = HashOf(prevHash, Canonical(seq.Value, at, kind, data));
            if (!string.Equals(expected, hash, StringComparison.Ordinal))
            {
                return Bad(path, lineNo, $"entry {seq} was modified (its hash does not match its content)");
            }

            if (!string.Equals(prevHash, prev, StringComparison.Ordinal))
            {
                return Bad(path, lineNo, lineNo == 1
                    ? "the first entry does not start the chain (entries before it were deleted)"
                    : $"entry {seq} does not follow line {lineNo - 1} (lines were deleted, inserted or reordered)");
            }

            if (seq != lineNo)
            {
                return Bad(path, lineNo, $"entry {seq} is on line {lineNo} (lines were deleted or reordered)");
            }

            prev = hash;
        }

        return new AuditVerification(true, lineNo, null, $"{path}: {lineNo} entries, chain intact (head {prev[..12]}…)");
    }

    private AuditEntry AppendLocked(string kind, JsonObject data)
    {
        // FileShare.None takes an exclusive lock on Unix (flock), so processes append one at a time.
        using var fs = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var (lastSeq, lastHash) = ReadTail(fs);
        var seq = lastSeq + 1;
        var at = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var sorted = (JsonObject)Sort(data);
        var hash = HashOf(lastHash, Canonical(seq, at, kind, sorted));
        var line = new JsonObject
        {
            ["seq"] = seq,
            ["at"] = at,
            ["kind"] = kind,
            ["data"] = sorted.DeepClone(),
            ["prevHash"] = lastHash,
            ["hash"] = hash,
        }.ToJsonString() + "\n";
        fs.Seek(0, SeekOrigin.End);
        var bytes = Encoding.UTF8.GetBytes(line);
        fs.Write(bytes);
        fs.Flush(flushToDisk: true);
        return new AuditEntry(seq, DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), kind, sorted, lastHash, hash);
    }

    private static (long Seq, string Hash) ReadTail(FileStream fs)
    {
        if (fs.Length == 0)
        {
            return (0, Genesis);
        }

        var size = (int)Math.Min(fs.Length, 1 << 20);
        var buffer = new byte[size];
        fs.Seek(-size, SeekOrigin.End);
        fs.ReadExactly(buffer);
        var text = Encoding.UTF8.GetString(buffer).TrimEnd('\n');
        var last = text[(text.LastIndexOf('\n') + 1)..];
        var obj = JsonNode.Parse(last)!.AsObject();
        return (obj["seq"]!.GetValue<long>(), obj["hash"]!.GetValue<string>());
    }

    /// <summary>The canonical form that is hashed: seq, at, kind and data with object keys sorted, no whitespace.</summary>
    private static string Canonical(long seq, string at, string kind, JsonObject data) =>
        new JsonObject { ["seq"] = seq, ["at"] = at, ["kind"] = kind, ["data"] = Sort(data) }.ToJsonString();

    private static JsonNode Sort(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, kv.Value is null ? null : Sort(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(n => n is null ? null : Sort(n)).ToArray()),
        _ => node.DeepClone(),
    };

    private static string HashOf(string prevHash, string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prevHash + canonical)));

    private static AuditVerification Bad(string path, int line, string message) =>
        new(false, line - 1, line, $"{path}:{line}: {message}");
}
