using System.Net;
using System.Net.Sockets;

namespace ActionAgent.Eval;

/// <summary>Serves a folder read-only on http://127.0.0.1:PORT/ (the installed third-party pages).</summary>
public sealed class StaticFileServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".htm"] = "text/html; charset=utf-8", [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8", [".json"] = "application/json", [".png"] = "image/png", [".gif"] = "image/gif",
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".svg"] = "image/svg+xml", [".ico"] = "image/x-icon",
        [".woff"] = "font/woff", [".woff2"] = "font/woff2", [".ttf"] = "font/ttf", [".map"] = "application/json",
        [".xml"] = "application/xml", [".txt"] = "text/plain; charset=utf-8",
    };

    private readonly string root;
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private StaticFileServer(string root, int port)
    {
        this.root = System.IO.Path.GetFullPath(root);
        Port = port;
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The base address, without a trailing slash.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Starts serving <paramref name="root"/> on a free loopback port.</summary>
    public static StaticFileServer Start(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new InvalidDataException($"page folder {root} not found; run `bash eval/run.sh` (it installs the pages with npm) or pass --root");
        }

        return new StaticFileServer(root, FreePort());
    }

    /// <summary>A currently free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested || !listener.IsListening)
            {
                return;
            }

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var relative = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/").TrimStart('/');
            var file = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relative));
            if (Directory.Exists(file))
            {
                file = System.IO.Path.Combine(file, "index.html");
            }

            // Never serve outside the page folder, whatever the request path says.
            if (!file.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
            {
                response.StatusCode = 404;
                return;
            }

            response.ContentType = ContentTypes.GetValueOrDefault(System.IO.Path.GetExtension(file), "application/octet-stream");
            response.Headers["Cache-Control"] = "no-store";
            var bytes = await File.ReadAllBytesAsync(file);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Shutting down: the browser went away mid-response.
        }
        catch (HttpListenerException)
        {
            // The client closed the connection; nothing to answer.
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception)
            {
                // Already closed by a dead client.
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (Exception)
        {
            // The accept loop ends with the listener; its exception carries nothing new.
        }

        stop.Dispose();
    }
}
