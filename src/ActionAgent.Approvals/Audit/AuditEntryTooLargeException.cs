namespace ActionAgent.Approvals.Audit;

/// <summary>SHIM</summary>
public sealed class AuditEntryTooLargeException : ArgumentException
{
    /// <summary>SHIM</summary>
    public AuditEntryTooLargeException() { }

    /// <summary>SHIM</summary>
    public AuditEntryTooLargeException(string message) : base(message) { }

    /// <summary>SHIM</summary>
    public AuditEntryTooLargeException(string message, Exception inner) : base(message, inner) { }
}
