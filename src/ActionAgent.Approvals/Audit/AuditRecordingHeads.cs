using System.Text.Json;

namespace ActionAgent.Approvals.Audit;

/// <summary>Reads the audit heads recorded in <c>recordings/*/run.json</c> (<c>versions.auditHead</c>) for one audit log.</summary>
public static class AuditRecordingHeads
{
    /// <summary>
    /// Heads recorded by runs that used <paramref name="logPath"/> (runs naming another log are counted in
    /// <c>OtherLog</c>, runs without a head — killed, or older — in <c>WithoutHead</c>).
    /// </summary>
    public static (IReadOnlyList<ExpectedAuditHead> Heads, int OtherLog, int WithoutHead) Read(string recordingsDirectory, string logPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordingsDirectory);
        var full = AuditLogLocation.KeyOf(logPath);
        var heads = new List<ExpectedAuditHead>();
        var other = 0;
        var without = 0;
        foreach (var dir in Directory.EnumerateDirectories(recordingsDirectory).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, "run.json");
            if (!File.Exists(file) || new FileInfo(file).Length > 1 << 20)
            {
                continue;
            }

            var (head, log) = ReadHead(file);
            if (log is not null && !string.Equals(AuditLogLocation.KeyOf(log), full, StringComparison.Ordinal))
            {
                other++;
            }
            else if (head is null)
            {
                without++;
            }
            else
            {
                heads.Add(new ExpectedAuditHead(head, $"run {Path.GetFileName(dir)}"));
            }
        }

        return (heads, other, without);
    }

    private static (AuditHead? Head, string? Log) ReadHead(string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("versions", out var versions) || versions.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var log = versions.TryGetProperty(AuditHeadRecorder.LogKey, out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
            var text = versions.TryGetProperty(AuditHeadRecorder.HeadKey, out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
            return (AuditHead.TryParse(text, out var head) ? head : null, log);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }
}
