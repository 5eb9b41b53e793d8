namespace ActionAgent.Models.Middleware;

/// <summary>Wraps a provider failure of one attempt with its classification, inside the retry pipeline only.</summary>
internal sealed class AttemptFailedException(ModelError error, Exception innerException)
    : Exception(error.Detail, innerException)
{
    public ModelError Error { get; } = error;
}
