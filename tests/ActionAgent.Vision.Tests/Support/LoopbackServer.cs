using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActionAgent.Vision.Tests.Support;

/// <summary>Serves test pages (path → HTML) on 127.0.0.1 at a free port.</summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Dictionary<string, string> pages = new(StringComparer.Ordinal);
    private readonly Task loop;

    /// <summary>Starts the server with the given pages.</summary>
    public LoopbackServer(IReadOnlyDictionary<string, string> pages)
    {
        foreach (var (path, html) in pages)
        {
            this.pages[path] = html;
        }

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>http://127.0.0.1:port (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>The full URL of a page path.</summary>
    public string Url(string path) => BaseUrl + path;

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The accept loop ends with an exception when the listener stops.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url?.AbsolutePath ?? "/";
            var found = pages.TryGetValue(path, out var html);
            var body = Encoding.UTF8.GetBytes(found ? html! : "not found");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
