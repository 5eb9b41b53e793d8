namespace ActionAgent.Approvals.Audit;

/// <summary>
/// The result of verifying an audit log: how many sound entries, the first bad line (1-based), a one-line message, every
/// finding (the first <see cref="AuditVerifier.MaxFindings"/>), and the head new entries chain from.
/// </summary>
public sealed record AuditVerification(bool IsValid, int Entries, int? BadLine, string Message)
{
    /// <summary>The findings, in file order (at most <see cref="AuditVerifier.MaxFindings"/>; <see cref="FindingCount"/> counts all).</summary>
    public IReadOnlyList<AuditFinding> Findings { get; init; } = [];

    /// <summary>How many findings there were in all.</summary>
    public int FindingCount { get; init; }

    /// <summary>How many lines the file has.</summary>
    public int Lines { get; init; }

    /// <summary>The last sound entry (what the next append chains from), or null for an empty log.</summary>
    public AuditHead? Head { get; init; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
