namespace ActionAgent.Browser;

/// <summary>The browser could not be started or reached, or the page crashed or closed: dead infrastructure, not a step failure.</summary>
public sealed class BrowserSessionException : Exception
{
    /// <summary>Creates the exception with a message for people.</summary>
    public BrowserSessionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public BrowserSessionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public BrowserSessionException()
        : base("The browser session failed.")
    {
    }
}
