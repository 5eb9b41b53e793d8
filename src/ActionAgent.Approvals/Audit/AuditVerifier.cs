using System.Globalization;

namespace ActionAgent.Approvals.Audit;

/// <summary>
/// Walks a log once, streaming, and reports every damaged, edited, inserted, deleted or reordered line, plus expected heads
/// (from run.json files) the log no longer holds. After a damaged line it carries on from the last sound entry, as the writer does.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Findings kept in a result (the rest are only counted): 100.</summary>
    public const int MaxFindings = 100;

    /// <summary>Verifies the log open in <paramref name="stream"/>; <paramref name="path"/> is only used in messages.</summary>
    public static AuditVerification Verify(Stream stream, string path, IReadOnlyCollection<ExpectedAuditHead>? expected = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        expected ??= [];
        var findings = new List<AuditFinding>();
        var count = 0;
        var entries = 0;

        // Entries the next line may follow: the last sound one, plus an edited one right after it (whose successor is not re-reported).
        var preds = new List<(long Seq, string Hash, int Line)> { (0, AuditLog.Genesis, 0) };
        var wanted = expected.Select(e => e.Head.Seq).ToHashSet();
        var seen = new Dictionary<long, string>();
        var lastLine = 0;
        var reader = new AuditLineReader(stream, AuditLimits.MaxLineBytes);
        while (reader.TryRead(out var line))
        {
            lastLine = line.Number;
            if (line.TooLong)
            {
                Add(line.Number, string.Create(CultureInfo.InvariantCulture,
                    $"line is {line.Length:N0} bytes, longer than the {AuditLimits.MaxLineBytes:N0}-byte limit of an entry (an oversized or corrupt line{(line.Terminated ? "" : ", cut off at the end of the file")})"));
                continue;
            }

            var parsed = AuditLineParser.Parse(line.Bytes);
            if (!line.Terminated)
            {
                Add(line.Number, parsed.Consistent
                    ? $"entry {parsed.Seq} is cut off: its newline is missing (a write was interrupted; the next append completes it)"
                    : "the last line is cut off (no newline at its end: a write was interrupted)");
                if (parsed.Consistent)
                {
                    preds = [(parsed.Seq, parsed.Hash, line.Number)];
                }

                continue;
            }

            if (!parsed.HasFields)
            {
                Add(line.Number, parsed.Problem!);
                continue;
            }

            var pred = preds.FindLast(p => string.Equals(p.Hash, parsed.PrevHash, StringComparison.Ordinal));
            if (!parsed.Consistent)
            {
                Add(line.Number, parsed.Problem!);
                preds.Add((parsed.Seq, parsed.Hash, line.Number));
                continue;
            }

            var problem = parsed.Problem;
            if (pred.Hash is null)
            {
                var last = preds[0];
                problem = last.Line == 0
                    ? "the first entry does not start the chain (entries before it were deleted)"
                    : $"entry {parsed.Seq} does not follow line {last.Line} (lines were deleted, inserted or reordered)";
            }
            else if (parsed.Seq != pred.Seq + 1)
            {
                problem = $"entry {parsed.Seq} follows entry {pred.Seq} (the sequence was changed)";
            }

            if (problem is null)
            {
                entries++;
            }
            else
            {
                Add(line.Number, problem);
            }

            preds = [(parsed.Seq, parsed.Hash, line.Number)];
            if (wanted.Contains(parsed.Seq))
            {
                seen[parsed.Seq] = parsed.Hash;
            }
        }

        var head = preds[0].Line == 0 ? null : new AuditHead(preds[0].Seq, preds[0].Hash);
        foreach (var e in expected)
        {
            if (!seen.TryGetValue(e.Head.Seq, out var hash))
            {
                Add(null, $"{e.Source} recorded head {Short(e.Head)}, but the log ends at entry {head?.Seq ?? 0}: entries were cut off the end or the log was replaced");
            }
            else if (!string.Equals(hash, e.Head.Hash, StringComparison.Ordinal))
            {
                Add(null, $"{e.Source} recorded head {Short(e.Head)}, but entry {e.Head.Seq} here has hash {hash[..12]}…: the log was rewritten after that run");
            }
        }

        var first = findings.FirstOrDefault();
        var message = first is null
            ? string.Create(CultureInfo.InvariantCulture, $"{path}: {entries} entries, chain intact (head {(head is null ? "none" : Short(head))}{(expected.Count > 0 ? $"; {expected.Count} recorded heads present" : "")})")
            : Format(path, first) + (count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (+{count - 1} more findings)") : "");
        return new AuditVerification(first is null, entries, findings.FirstOrDefault(f => f.Line is not null)?.Line, message)
        {
            Findings = findings,
            FindingCount = count,
            Lines = lastLine,
            Head = head,
        };

        void Add(int? lineNo, string problem)
        {
            count++;
            if (findings.Count < MaxFindings)
            {
                findings.Add(new AuditFinding(lineNo, problem));
            }
        }
    }

    /// <summary><c>path:line: problem</c>, or <c>path: problem</c> for a finding about the log as a whole.</summary>
    public static string Format(string path, AuditFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Line is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"{path}:{line}: {finding.Problem}")
            : $"{path}: {finding.Problem}";
    }

    private static string Short(AuditHead head) => string.Create(CultureInfo.InvariantCulture, $"{head.Seq}:{head.Hash[..12]}…");
}
