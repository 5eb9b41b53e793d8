using System.Globalization;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Store;

namespace ActionAgent.Approvals.Commands;

/// <summary>
/// Handler for <c>actionagent audit verify FILE [--expect-head SEQ:HASH]… [--recordings DIR]</c>: 0 when the chain is intact
/// (and holds every expected head), 1 with one line per finding, 2 for a missing file or bad input. FILE may also be the
/// <c>postgres://</c> URL of a database log (table <c>aa_audit</c>).
/// </summary>
public static class AuditCommands
{
    /// <summary>Verifies the log and prints the result (intact → stdout, findings → stderr, one per line, then a summary).</summary>
    public static int Verify(string path, TextWriter stdout, TextWriter stderr) => Verify(path, [], null, stdout, stderr);

    /// <summary>Verifies the log, also against heads given as <c>SEQ:HASH</c> and those recorded under <paramref name="recordings"/>.</summary>
    public static int Verify(string path, IReadOnlyList<string> expectHeads, string? recordings, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(expectHeads);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var location = path;
        if (PostgresUrl.Looks(path))
        {
            // A database log: findings are named by row (in id order), and the URL is shown without user and password.
            if (!PostgresUrl.TryParse(path, out _, out var display))
            {
                stderr.WriteLine($"\"{path}\" is neither a file path nor postgres://user:password@host:port/database");
                return 2;
            }

            path = display + "#aa_audit";
        }
        else if (!File.Exists(path))
        {
            stderr.WriteLine($"{path}: no such audit log (give the file, e.g. .actionagent/audit.jsonl, or --audit of the run)");
            return 2;
        }

        var expected = new List<ExpectedAuditHead>();
        foreach (var text in expectHeads)
        {
            if (!AuditHead.TryParse(text?.Trim(), out var head))
            {
                stderr.WriteLine($"--expect-head \"{text}\" is not SEQ:HASH (a whole number, a colon, 64 lower-case hex digits); copy it from a run's run.json, versions.auditHead");
                return 2;
            }

            expected.Add(new ExpectedAuditHead(head, "--expect-head"));
        }

        var note = "";
        if (recordings is not null)
        {
            if (!Directory.Exists(recordings))
            {
                stderr.WriteLine($"--recordings {recordings}: no such folder (give the folder that holds the runs, e.g. recordings)");
                return 2;
            }

            var (heads, other, without) = AuditRecordingHeads.Read(recordings, location);
            expected.AddRange(heads);
            note = string.Create(CultureInfo.InvariantCulture, $"{heads.Count} runs in {recordings} recorded a head of this log ({other} used another log, {without} recorded none)");
        }

        AuditVerification result;
        try
        {
            result = AuditLog.Verify(location, expected);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stderr.WriteLine($"{path}: cannot read the audit log: {e.Message}");
            return 2;
        }

        if (result.IsValid)
        {
            stdout.WriteLine(result.Message);
            if (note.Length > 0)
            {
                stdout.WriteLine(note);
            }

            return 0;
        }

        foreach (var finding in result.Findings)
        {
            stderr.WriteLine(AuditVerifier.Format(path, finding));
        }

        if (result.FindingCount > result.Findings.Count)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: … and {result.FindingCount - result.Findings.Count:N0} more findings"));
        }

        if (note.Length > 0)
        {
            stderr.WriteLine(note);
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: NOT intact: {result.FindingCount:N0} finding{(result.FindingCount == 1 ? "" : "s")} in {result.Lines:N0} lines, {result.Entries:N0} sound entries; new entries chain from {(result.Head is null ? "the start" : $"entry {result.Head.Seq}")}. Keep a copy of this file as evidence."));
        return 1;
    }
}
