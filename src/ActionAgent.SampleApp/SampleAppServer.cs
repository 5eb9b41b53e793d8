using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ActionAgent.SampleApp;

/// <summary>
/// The "Ops Portal" sample web app on 127.0.0.1 (Kestrel, in process): sign-in, orders, refunds, customers, widgets,
/// a canvas toolbar and a prompt-injection notes page. Used by <c>actionagent demo</c> and end-to-end tests.
/// </summary>
public sealed class SampleAppServer : IAsyncDisposable
{
    /// <summary>Name of the session cookie set by a successful sign-in.</summary>
    internal const string SessionCookie = "aa_session";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, bool> sessions = new(StringComparer.Ordinal);
    private volatile bool alternateLayout;
    private int disposed;

    private SampleAppServer(SampleAppOptions options, WebApplication app)
    {
        this.app = app;
        alternateLayout = options.AlternateLayout;
        SlowSectionDelay = options.SlowSectionDelay;
    }

    /// <summary>Root address without a trailing slash, e.g. <c>http://127.0.0.1:43123</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>What the app recorded (refunds, deletions, canvas clicks, requests, subscriptions).</summary>
    public SampleAppState State { get; } = new();

    /// <summary>Serve the alternate layout (moved and relabelled elements); can be switched while running.</summary>
    public bool AlternateLayout
    {
        get => alternateLayout;
        set => alternateLayout = value;
    }

    internal TimeSpan SlowSectionDelay { get; }

    /// <summary>Starts the app on 127.0.0.1 and returns once it accepts requests.</summary>
    /// <exception cref="IOException">The requested port is already in use.</exception>
    public static async Task<SampleAppServer> StartAsync(SampleAppOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SampleAppOptions();
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be between 0 (any free port) and 65535.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(SampleAppServer).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The CLI draws a live display on the console: only warnings and errors may reach it.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);

        // Our own "urls" setting wins over ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS from the environment (container
        // images set them): the app always listens on loopback only, and no override warning reaches the console.
        builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, "");
        builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, "");
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}");

        var app = builder.Build();
        var server = new SampleAppServer(options, app);
        SampleAppEndpoints.Map(app, server);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    /// <summary>Stops the app and releases its port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    internal bool IsSignedIn(HttpContext context) =>
        context.Request.Cookies.TryGetValue(SessionCookie, out var token) && token is not null && sessions.ContainsKey(token);

    internal void SignIn(HttpContext context)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        sessions[token] = true;
        context.Response.Cookies.Append(SessionCookie, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
        });
    }

    internal void SignOut(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(SessionCookie, out var token) && token is not null)
        {
            sessions.TryRemove(token, out _);
        }

        context.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = "/" });
    }
}
