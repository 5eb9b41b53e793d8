namespace ActionAgent.Models.Providers;

/// <summary>
/// The model cannot be set up: an unknown provider, a malformed model spec, a missing API key or endpoint.
/// Raised before any request is sent; the message says what is wrong and what to do.
/// </summary>
public sealed class ModelConfigurationException : Exception
{
    /// <summary>Creates the exception with a message meant for the person running the tool.</summary>
    public ModelConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public ModelConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ModelConfigurationException()
        : base("the model is not configured")
    {
    }
}
