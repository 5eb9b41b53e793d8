namespace ActionAgent.SampleApp;

/// <summary>One HTTP request the sample app received.</summary>
/// <param name="Method">HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Path">Request path without the query string, e.g. <c>/orders</c>.</param>
/// <param name="Time">When the request arrived.</param>
public sealed record RequestLogEntry(string Method, string Path, DateTimeOffset Time)
{
    /// <summary>Query string including the leading <c>?</c>, or empty.</summary>
    public string Query { get; init; } = "";
}
