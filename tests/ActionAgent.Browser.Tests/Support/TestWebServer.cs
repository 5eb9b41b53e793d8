using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActionAgent.Browser.Tests.Support;

/// <summary>A tiny HTTP server on 127.0.0.1 serving pages the tests register; it records form posts.</summary>
public sealed class TestWebServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, string> pages = new(StringComparer.Ordinal);
    private readonly Task loop;

    public TestWebServer()
    {
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Prefixes.Add($"http://localhost:{Port}/"); // another site to the browser: a cross-origin frame's host
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>How long requests under /late/ wait before they are answered. Default 1.5 s.</summary>
    public TimeSpan LateDelay { get; set; } = TimeSpan.FromMilliseconds(1500);

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Bodies of POST requests, in order, as "path?body".</summary>
    public ConcurrentQueue<string> Posts { get; } = new();

    public string Url(string path) => BaseUrl + path;

    /// <summary>The same page under another host name (localhost): another origin and site than <see cref="Url"/>.</summary>
    public string OtherSiteUrl(string path) => $"http://localhost:{Port}{path}";

    public string Add(string path, string html)
    {
        pages[path] = html;
        return Url(path);
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

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
            // The loop ends with the listener.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        try
        {
            if (context.Request.HttpMethod == "POST")
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                Posts.Enqueue($"{path}?{reader.ReadToEnd()}");
            }

            if (path == "/slow")
            {
                Thread.Sleep(300);
            }

            if (path == "/api/slow-data")
            {
                Thread.Sleep(4000); // a side panel's data that arrives long after its page (far longer than a loaded CI machine's click)
            }

            // /api/delay/1500: answers "ok" after that many milliseconds (a page's own slow request).
            if (path.StartsWith("/api/delay/", StringComparison.Ordinal) && int.TryParse(path["/api/delay/".Length..], out var delay))
            {
                Thread.Sleep(delay);
                Write(response, 200, "ok");
                return;
            }

            // /late/…: anything registered under it (a stylesheet, a page) is answered only after LateDelay.
            if (path.StartsWith("/late/", StringComparison.Ordinal))
            {
                Thread.Sleep(LateDelay);
            }

            if (pages.TryGetValue(path, out var html) || (context.Request.HttpMethod == "POST" && pages.TryGetValue(path + "#post", out html)))
            {
                Write(response, 200, html, path.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/html");
            }
            else
            {
                Write(response, 404, "<!doctype html><title>Not found</title><h1>Not found</h1>");
            }
        }
        catch (HttpListenerException)
        {
            // The browser went away mid-response.
        }
    }

    private static void Write(HttpListenerResponse response, int status, string html, string type = "text/html")
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        response.StatusCode = status;
        response.ContentType = type + "; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }
}
