using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionAgent.TestKit.FakeServers;

/// <summary>
/// A scriptable model server on 127.0.0.1 (a free port): answers each request with the next queued reply (or
/// <see cref="Fallback"/>), records every request's headers and body, and counts calls.
/// </summary>
public abstract class FakeModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedReply> _replies = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private WebApplication? _app;

    /// <summary>The server's root URL, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The answer when the queue is empty. Default: 400 "no scripted reply left" (not retried by clients).</summary>
    public ScriptedReply? Fallback { get; set; }

    /// <summary>Requests answered so far.</summary>
    public int CallCount
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>When set, requests without this key (in the provider's auth header) get a 401 instead of a scripted reply.</summary>
    public string? RequiredApiKey { get; set; }

    /// <summary>Replies still queued.</summary>
    public int Pending => _replies.Count;

    /// <summary>Computes a reply from the request when nothing is queued (a fake model that reads the prompt); null falls through.</summary>
    public Func<RecordedRequest, ScriptedReply?>? Responder { get; set; }

    /// <summary>Queues a reply.</summary>
    public void Enqueue(ScriptedReply reply) => _replies.Enqueue(reply ?? throw new ArgumentNullException(nameof(reply)));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Maps the server's endpoints; each should call <see cref="HandleAsync"/>.</summary>
    protected abstract void Map(IEndpointRouteBuilder routes);

    /// <summary>The body of the fallback error when nothing is queued.</summary>
    protected abstract string ErrorBody(string type, string message);

    /// <summary>The API key the request carries in the provider's auth header, or null.</summary>
    protected abstract string? PresentedKey(HttpRequest request);

    /// <summary>Starts listening on 127.0.0.1:0.</summary>
    protected async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync().ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Records the request and writes the next scripted reply.</summary>
    protected async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        int number;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(http.Request.Method, http.Request.Path + http.Request.QueryString, headers, body));
            number = _requests.Count;
        }

        var reply = RequiredApiKey is not null && PresentedKey(http.Request) != RequiredApiKey
            ? new ScriptedReply(401, ErrorBody("authentication_error", "fake server: invalid API key"))
            : _replies.TryDequeue(out var next) ? next
            : Responder?.Invoke(_requests[number - 1]) is { } computed ? computed
            : Fallback ?? new ScriptedReply(400, ErrorBody("invalid_request_error", $"fake server: no scripted reply left for request #{number}"));
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, http.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        http.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.ContentType = reply.ContentType;
        await http.Response.WriteAsync(reply.Body, http.RequestAborted).ConfigureAwait(false);
    }
}
