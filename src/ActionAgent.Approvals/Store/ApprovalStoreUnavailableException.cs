namespace ActionAgent.Approvals.Store;

/// <summary>The approval database cannot be reached or opened (exit 3 in the CLI); the message names it and says why, in one line.</summary>
public sealed class ApprovalStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApprovalStoreUnavailableException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApprovalStoreUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApprovalStoreUnavailableException(string message) : base(message)
    {
    }
}
