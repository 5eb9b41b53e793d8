namespace ActionAgent.Serve.Store;

/// <summary>The store was written by a newer ActionAgent (exit 2 in the CLI); nothing was changed.</summary>
public sealed class StoreSchemaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreSchemaException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreSchemaException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreSchemaException(string message, Exception inner) : base(message, inner)
    {
    }
}
