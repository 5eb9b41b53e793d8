using System.Net;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Dashboard;
using ActionAgent.Approvals.Store;
using ActionAgent.Serve.Queue;
using ActionAgent.Serve.Store;
using ActionAgent.Serve.Tasks;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Serve.Web;

/// <summary>
/// <c>actionagent serve</c>: one ASP.NET Core app with the task API and pages, the approval dashboard, and (unless
/// <see cref="ServeOptions.Workers"/> is 0) an in-process worker on the same job queue as <c>actionagent worker</c>.
/// </summary>
public sealed class ServeApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServeApp(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base URL it listens on (with the real port when 0 was asked).</summary>
    public Uri Url { get; }

    /// <summary>
    /// Opens the store and starts listening. Throws <see cref="StoreUnavailableException"/> / <see cref="StoreSchemaException"/>
    /// for the store, <see cref="InvalidDataException"/> for an approval database written by a newer ActionAgent and
    /// <see cref="ApprovalStoreUnavailableException"/> for an approval database that cannot be reached.
    /// </summary>
    public static async Task<ServeApp> StartAsync(ServeOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tokens = options.Tokens ?? throw new InvalidOperationException("serve needs tokens (--tokens FILE)");
        var location = options.Store ?? throw new InvalidOperationException("serve needs a store (--store)");
        var clock = time ?? TimeProvider.System;
        var store = await TaskStore.OpenAsync(location, clock, cancellationToken).ConfigureAwait(false);
        var approvals = await ApprovalStores.OpenAsync(options.Runner.ApprovalsDb, time: clock, cancellationToken: cancellationToken).ConfigureAwait(false);
        var audit = AuditLog.Open(options.Runner.AuditPath, clock);
        await CheckAuditAsync(audit, cancellationToken).ConfigureAwait(false);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ServeApp).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Parse(options.Host), options.Port);
        });
        builder.Services.AddTaskQueue(store, approvals, options.Worker, options.Runner, options.Workers, clock);
        var app = builder.Build();
        var api = new TaskApi(store, approvals, app.Services.GetRequiredService<IBackgroundJobClient>(), tokens, new SubmissionCheck(options.PoliciesDirectory), options.Runner, clock);
        ApprovalDashboard.Map(app, approvals, new ApprovalDashboardOptions
        {
            Tokens = tokens.Reviewers,
            Audit = audit,
        }, clock);
        app.MapGet("/static/tasks.js", () => Results.Text(TaskPages.Script, "text/javascript; charset=utf-8"));
        app.MapGet("/tasks", () => Results.Content(TaskPages.Queue, "text/html; charset=utf-8"));
        app.MapGet("/tasks/{id}", (string id) => Results.Content(TaskPages.Task, "text/html; charset=utf-8"));
        app.MapPost("/api/tasks", (Func<HttpContext, Task<IResult>>)api.SubmitAsync);
        app.MapGet("/api/tasks", (Func<HttpContext, Task<IResult>>)api.ListAsync);
        app.MapGet("/api/tasks/{id}", (HttpContext c, string id) => api.GetAsync(c, id));
        app.MapPost("/api/tasks/{id}/cancel", (HttpContext c, string id) => api.CancelAsync(c, id));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(address.Replace("[::]", options.Host, StringComparison.Ordinal).Replace("0.0.0.0", options.Host, StringComparison.Ordinal) + "/");
        return new ServeApp(app, url);
    }

    /// <summary>Runs until the token is cancelled (Ctrl+C), then stops.</summary>
    public async Task RunUntilCancelledAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// A database audit log is reached (and its table created) before anything is served, so an unreachable one is one line at
    /// start rather than a failure in every run. Throws <see cref="StoreUnavailableException"/>.
    /// </summary>
    public static async Task CheckAuditAsync(AuditLog audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        if (!PostgresUrl.Looks(audit.Path))
        {
            return;
        }

        try
        {
            await audit.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new StoreUnavailableException(e.Message, e);
        }
    }
}
