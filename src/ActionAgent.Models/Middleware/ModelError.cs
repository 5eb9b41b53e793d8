namespace ActionAgent.Models.Middleware;

/// <summary>A classified failure of one attempt.</summary>
internal sealed record ModelError(ModelErrorKind Kind, int? Status, string Detail, bool Retryable, TimeSpan? RetryAfter);
