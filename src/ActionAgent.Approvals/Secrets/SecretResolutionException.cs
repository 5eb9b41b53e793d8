namespace ActionAgent.Approvals.Secrets;

/// <summary>
/// A <c>{{secret:NAME}}</c> reference could not be resolved: unknown name, not allowed on this page's domain, or no value.
/// An <see cref="InvalidOperationException"/>, so an executor reports it as a failed action.
/// </summary>
public sealed class SecretResolutionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public SecretResolutionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public SecretResolutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception.</summary>
    public SecretResolutionException()
        : base("a secret could not be resolved")
    {
    }

    /// <summary>The secret name involved, when one.</summary>
    public string? SecretName { get; init; }
}
