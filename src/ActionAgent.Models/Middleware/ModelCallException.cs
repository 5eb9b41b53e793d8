namespace ActionAgent.Models.Middleware;

/// <summary>
/// A model call failed for good (after any retries): wrong key, unknown model, endpoint down, rate limits, server errors.
/// The message names the model, the status and what to do; it never contains the API key.
/// </summary>
public sealed class ModelCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelCallException(ModelErrorKind kind, int? statusCode, int attempts, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ModelCallException()
        : this(ModelErrorKind.ServerError, null, 1, "the model call failed")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelCallException(string message)
        : this(ModelErrorKind.ServerError, null, 1, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ModelCallException(string message, Exception innerException)
        : this(ModelErrorKind.ServerError, null, 1, message, innerException)
    {
    }

    /// <summary>What kind of failure it was.</summary>
    public ModelErrorKind Kind { get; }

    /// <summary>The HTTP status of the last attempt, when there was a response.</summary>
    public int? StatusCode { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
