namespace ActionAgent.Serve.Store;

/// <summary>The store cannot be reached or opened (exit 3 in the CLI); the message says which store and why.</summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException(string message) : base(message)
    {
    }
}
