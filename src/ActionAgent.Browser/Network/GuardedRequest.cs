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

    /// <summary>The request's Content-Type header, when it has a body.</summary>
    public string? ContentType { get; init; }

    /// <summary>The request body as text (a routed request's post data), or null.</summary>
    public string? Body { get; init; }

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
            ContentType = request.Headers.TryGetValue("content-type", out var type) ? type : null,
            Body = request.PostData,
        };
    }

    /// <summary>The method name of a message a page sends over a WebSocket.</summary>
    public const string WebSocketMethod = "WS";

    /// <summary>A message the page sends over the WebSocket <paramref name="url"/>: continuing sends it on, aborting drops it.</summary>
    public static GuardedRequest FromWebSocket(string url, IWebSocketFrame frame, IWebSocketRoute server)
    {
        var text = frame.Text;
        var binary = frame.Binary;
        return new GuardedRequest(WebSocketMethod, url, () => Send(server, text, binary), () => Task.CompletedTask)
        {
            ResourceType = "websocket",
            BodySize = binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(text ?? ""),
        };
    }

    private static Task Send(IWebSocketRoute server, string? text, byte[]? binary)
    {
        try
        {
            if (binary is not null)
            {
                server.Send(binary);
            }
            else
            {
                server.Send(text ?? "");
            }
        }
        catch (PlaywrightException)
        {
            // The socket closed while the message was held: there is nothing to send it on.
        }

        return Task.CompletedTask;
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
