namespace ActionAgent.Models.Providers;

/// <summary>Where a model is served and where its key comes from (never the key itself), for messages and logs.</summary>
public sealed record ModelEndpoint(ModelSpec Spec, Uri BaseUrl, string? ApiKeyVariable)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Spec} at {BaseUrl}{(ApiKeyVariable is null ? "" : $" (key from {ApiKeyVariable})")}";
}
