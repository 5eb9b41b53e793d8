namespace ActionAgent.Models.Middleware;

/// <summary>
/// Retries and timeouts of model calls: exponential backoff with jitter on 429, 5xx, timeouts and connection errors,
/// honouring Retry-After; 4xx other than 408/409/429 are not retried.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>Retries after the first attempt. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry; doubles each time, with jitter. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff between attempts. Default 20 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest Retry-After the client waits; a provider asking for more ends the call at once. Default 30 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed for one attempt. Default 45 s, below the agent's 60 s step timeout, which bounds the whole decision.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Called before each retry with the attempt number (1-based), the delay and the failure; for logs and tests.</summary>
    public Action<int, TimeSpan, string>? OnRetry { get; set; }
}
