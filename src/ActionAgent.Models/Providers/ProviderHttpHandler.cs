using System.Web;

namespace ActionAgent.Models.Providers;

/// <summary>
/// The HTTP handler under every provider SDK: records failed responses for the resilience layer and, for Azure OpenAI,
/// adds <c>api-version</c> and sends the key as <c>api-key</c> instead of a bearer token.
/// </summary>
internal sealed class ProviderHttpHandler(TimeProvider time, string? azureApiVersion = null) : DelegatingHandler(new SocketsHttpHandler
{
    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    ConnectTimeout = TimeSpan.FromSeconds(10),
})
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (azureApiVersion is not null)
        {
            AdaptForAzure(request, azureApiVersion);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            ProviderResponseProbe.Current?.Capture(response, time.GetUtcNow());
        }

        return response;
    }

    internal static void AdaptForAzure(HttpRequestMessage request, string apiVersion)
    {
        if (request.RequestUri is { } uri)
        {
            var query = HttpUtility.ParseQueryString(uri.Query);
            if (query["api-version"] is null)
            {
                query["api-version"] = apiVersion;
                request.RequestUri = new UriBuilder(uri) { Query = query.ToString() }.Uri;
            }
        }

        if (request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } key })
        {
            request.Headers.Authorization = null;
            request.Headers.Remove("api-key");
            request.Headers.TryAddWithoutValidation("api-key", key);
        }
    }
}
