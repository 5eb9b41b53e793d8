namespace ActionAgent.Approvals.Audit;

/// <summary>An audit entry was refused because a text in it, or the whole line, is over <see cref="AuditLimits"/>; the message is one line that says what to shorten.</summary>
public sealed class AuditEntryTooLargeException : ArgumentException
{
    /// <summary>An entry refused for an unstated reason.</summary>
    public AuditEntryTooLargeException()
        : base("the audit entry is too large")
    {
    }

    /// <summary>An entry refused with a one-line reason.</summary>
    public AuditEntryTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>An entry refused with a one-line reason and its cause.</summary>
    public AuditEntryTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
