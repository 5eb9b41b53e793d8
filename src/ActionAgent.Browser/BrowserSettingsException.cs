namespace ActionAgent.Browser;

/// <summary>The browser settings file is malformed; the message names the key and what is expected.</summary>
public sealed class BrowserSettingsException : Exception
{
    /// <summary>Creates the exception with a message for people.</summary>
    public BrowserSettingsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public BrowserSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public BrowserSettingsException()
        : base("The browser settings are invalid.")
    {
    }
}
