using Microsoft.Playwright;

namespace ActionAgent.Browser.Network;

/// <summary>
/// One request the network guard decides, whether Playwright routed it or the CDP gate caught it while its page unloaded:
/// what it is, and how to let it continue or abort it.
/// </summary>
internal sealed class GuardedRequest(string method, string url, Func<Task> proceed, Func<Task> abort)
{
    public string Method { get; } = method.ToUpperInvariant();

    public string Url { get; } = url;

    public string ResourceType { get; init; } = "";

    public bool IsNavigation { get; init; }

    public int BodySize { get; init; }

    public string PageUrl { get; init; } = "";

    public Task ContinueAsync() => proceed();

    public Task AbortAsync() => abort();

    /// <summary>A request Playwright routed.</summary>
    public static GuardedRequest From(IRoute route)
    {
        var request = route.Request;
        return new GuardedRequest(request.Method, request.Url, () => route.ContinueAsync(), () => route.AbortAsync("blockedbyclient"))
        {
            ResourceType = request.ResourceType,
            IsNavigation = SafeIsNavigation(request),
            BodySize = request.PostDataBuffer?.Length ?? 0,
            PageUrl = SafeFrameUrl(request),
        };
    }

    /// <summary>A request that is only reported (a redirect hop): it cannot be continued or aborted.</summary>
    public static GuardedRequest Observed(IRequest request) =>
        new(request.Method, request.Url, () => Task.CompletedTask, () => Task.CompletedTask)
        {
            ResourceType = request.ResourceType,
            IsNavigation = SafeIsNavigation(request),
        };

    private static bool SafeIsNavigation(IRequest request)
    {
        try
        {
            return request.IsNavigationRequest;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private static string SafeFrameUrl(IRequest request)
    {
        try
        {
            return request.Frame.Url;
        }
        catch (PlaywrightException)
        {
            return "";
        }
    }
}
