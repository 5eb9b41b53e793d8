namespace ActionAgent.Approvals.Audit;

/// <summary>The result of verifying an audit log: how many entries, and the first broken line (1-based) with what is wrong.</summary>
public sealed record AuditVerification(bool IsValid, int Entries, int? BadLine, string Message)
{
    /// <summary>SHIM</summary>
    public IReadOnlyList<string> Findings => BadLine is null ? [] : [Message];

    /// <inheritdoc />
    public override string ToString() => Message;
}
