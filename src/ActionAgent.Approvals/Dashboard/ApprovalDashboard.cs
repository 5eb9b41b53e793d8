using System.Globalization;
using System.Net;
using ActionAgent.Approvals.Commands;
using ActionAgent.Approvals.Store;
using ActionAgent.Core.Approval;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Approvals.Dashboard;

/// <summary>
/// The reviewer web dashboard (ASP.NET Core on 127.0.0.1): pending list that refreshes every 2 s, a detail page with the
/// annotated screenshot and the target highlighted, approve / reject with reason / edit the value, and history.
/// Reviewers log in once with <c>?token=</c> (an HttpOnly, SameSite=Strict session cookie follows) or send
/// <c>Authorization: Bearer TOKEN</c>; without a valid token every page answers 401. Decisions need the session's CSRF
/// token. The state lives in the <see cref="IApprovalStore"/>, so a restarted dashboard shows the same queue.
/// </summary>
public sealed class ApprovalDashboard : IAsyncDisposable
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "aa_session";

    private readonly WebApplication _app;

    private ApprovalDashboard(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base URL it listens on (with the real port when 0 was asked).</summary>
    public Uri Url { get; }

    /// <summary>Starts the dashboard. Throws when no reviewer tokens are configured or the port is taken.</summary>
    public static async Task<ApprovalDashboard> StartAsync(IApprovalStore store, ApprovalDashboardOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _ = options.Tokens ?? throw new InvalidOperationException($"the dashboard needs reviewer tokens: set {ReviewerTokens.EnvironmentVariable}=\"name:token,…\"");
        var clock = time ?? TimeProvider.System;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ApprovalDashboard).Assembly.GetName().Name });
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
        var app = builder.Build();
        Map(app, store, options, clock);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(address.Replace("[::]", options.Host, StringComparison.Ordinal).Replace("0.0.0.0", options.Host, StringComparison.Ordinal) + "/");
        return new ApprovalDashboard(app, url);
    }

    /// <summary>
    /// Maps the dashboard's pages and API (and its security headers) into <paramref name="app"/>: used by
    /// <see cref="StartAsync"/> and by <c>actionagent serve</c>, which hosts the dashboard beside its task pages.
    /// </summary>
    public static void Map(WebApplication app, IApprovalStore store, ApprovalDashboardOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var tokens = options.Tokens ?? throw new InvalidOperationException($"the dashboard needs reviewer tokens: set {ReviewerTokens.EnvironmentVariable}=\"name:token,…\"");
        var sessions = new DashboardSessions(clock, options.SessionLifetime);
        var handler = new Handlers(store, tokens, sessions, options, clock);
        app.Use(handler.SecurityHeadersAsync);
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/static/dashboard.css", () => Results.Text(DashboardAssets.Css, "text/css; charset=utf-8"));
        app.MapGet("/static/dashboard.js", () => Results.Text(DashboardAssets.Script, "text/javascript; charset=utf-8"));
        app.MapGet("/", (Func<HttpContext, Task<IResult>>)(c => handler.Page(c, _ => Task.FromResult(Results.Redirect("/approvals")))));
        app.MapGet("/approvals", (Func<HttpContext, Task<IResult>>)(c => handler.Page(c, s => handler.PendingAsync(c, s))));
        app.MapGet("/history", (Func<HttpContext, Task<IResult>>)(c => handler.Page(c, s => handler.HistoryAsync(c, s))));
        app.MapGet("/approvals/{id}", (HttpContext c, string id) => handler.Page(c, s => handler.DetailAsync(c, s, id)));
        app.MapGet("/approvals/{id}/screenshot", (HttpContext c, long id) => handler.Page(c, _ => handler.ScreenshotAsync(c, id)));
        app.MapGet("/approvals/{id}/marks", (HttpContext c, long id) => handler.Page(c, _ => handler.MarksAsync(c, id)));
        app.MapPost("/approvals/{id}/decision", (HttpContext c, string id) => handler.Mutation(c, s => handler.DecideAsync(c, s, id)));
        app.MapPost("/logout", (Func<HttpContext, Task<IResult>>)(c => handler.Mutation(c, s => Task.FromResult(handler.Logout(c, s)))));
        app.MapGet("/api/approvals", (HttpContext c, string? status) => handler.Page(c, s => handler.ApiListAsync(c, status)));
        app.MapGet("/api/approvals/{id}", (HttpContext c, string id) => handler.Page(c, s => handler.ApiGetAsync(c, id)));
    }

    /// <summary>Runs until the token is cancelled (Ctrl+C in <c>approvals serve</c>), then stops.</summary>
    public async Task RunUntilCancelledAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await StopAsync().ConfigureAwait(false);
    }

    /// <summary>Stops listening.</summary>
    public Task StopAsync() => _app.StopAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Request handling: authentication, CSRF, pages and decisions.</summary>
    private sealed class Handlers(IApprovalStore store, ReviewerTokens tokens, DashboardSessions sessions, ApprovalDashboardOptions options, TimeProvider time)
    {
        public async Task SecurityHeadersAsync(HttpContext c, Func<Task> next)
        {
            var h = c.Response.Headers;
            h["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h["X-Frame-Options"] = "DENY";
            h["Cache-Control"] = "no-store";
            await next().ConfigureAwait(false);
        }

        /// <summary>A GET: needs a session cookie, a bearer token, or ?token= (which logs in and redirects without it).</summary>
        public async Task<IResult> Page(HttpContext c, Func<Reviewer, Task<IResult>> body)
        {
            var query = c.Request.Query["token"].ToString();
            if (query.Length > 0)
            {
                var name = tokens.Authenticate(query);
                if (name is null)
                {
                    return Unauthorized(c, "That token is not valid.");
                }

                var session = sessions.Create(name);
                c.Response.Cookies.Append(CookieName, session.Id, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = c.Request.IsHttps,
                    Path = "/",
                    IsEssential = true,
                    Expires = session.ExpiresAt,
                });
                var rest = string.Join('&', c.Request.Query.Where(q => q.Key != "token").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}"));
                return Results.Redirect(c.Request.Path + (rest.Length > 0 ? "?" + rest : ""));
            }

            var reviewer = Authenticate(c);
            return reviewer is null ? Unauthorized(c, null) : await body(reviewer).ConfigureAwait(false);
        }

        /// <summary>A POST: a session with the matching CSRF token (form field csrf or X-CSRF-Token), or a bearer token.</summary>
        public async Task<IResult> Mutation(HttpContext c, Func<Reviewer, Task<IResult>> body)
        {
            var reviewer = Authenticate(c);
            if (reviewer is null)
            {
                return Unauthorized(c, null);
            }

            if (reviewer.Session is { } session)
            {
                var origin = c.Request.Headers.Origin.ToString();
                if (origin.Length > 0 && origin != "null" && !string.Equals(origin, $"{c.Request.Scheme}://{c.Request.Host}", StringComparison.OrdinalIgnoreCase))
                {
                    return Forbidden(c, $"cross-site request from {origin} refused");
                }

                string? given = c.Request.Headers["X-CSRF-Token"].ToString();
                if (string.IsNullOrEmpty(given) && c.Request.HasFormContentType)
                {
                    var form = await c.Request.ReadFormAsync(c.RequestAborted).ConfigureAwait(false);
                    given = form["csrf"].ToString();
                }

                if (!DashboardSessions.SameToken(given, session.Csrf))
                {
                    return Forbidden(c, "missing or wrong CSRF token; reload the page and try again");
                }
            }

            return await body(reviewer).ConfigureAwait(false);
        }

        public async Task<IResult> PendingAsync(HttpContext c, Reviewer r)
        {
            await store.SweepAsync(c.RequestAborted).ConfigureAwait(false);
            var pending = await store.ListAsync(ApprovalStatus.Pending, 500, c.RequestAborted).ConfigureAwait(false);
            return Html(DashboardPages.Pending(pending, r.Name, r.Session?.Csrf, time.GetUtcNow(), options.RefreshInterval));
        }

        public async Task<IResult> HistoryAsync(HttpContext c, Reviewer r)
        {
            await store.SweepAsync(c.RequestAborted).ConfigureAwait(false);
            var all = await store.ListAsync(null, 500, c.RequestAborted).ConfigureAwait(false);
            var pendingCount = all.Count(a => a.Status == ApprovalStatus.Pending);
            return Html(DashboardPages.History(all.Where(a => a.Status != ApprovalStatus.Pending).ToList(), pendingCount, r.Name, r.Session?.Csrf));
        }

        public async Task<IResult> DetailAsync(HttpContext c, Reviewer r, string id, string? error = null, int status = 200)
        {
            await store.SweepAsync(c.RequestAborted).ConfigureAwait(false);
            var a = await store.FindAsync(id, c.RequestAborted).ConfigureAwait(false);
            if (a is null)
            {
                return Html(DashboardPages.Message("Not found", $"There is no approval \"{id}\".", r.Name, r.Session?.Csrf), 404);
            }

            var pendingCount = (await store.ListAsync(ApprovalStatus.Pending, 500, c.RequestAborted).ConfigureAwait(false)).Count;
            var notice = c.Request.Query["done"].ToString();
            return Html(DashboardPages.Detail(a, pendingCount, r.Name, r.Session?.Csrf, time.GetUtcNow(), error, notice.Length > 0 ? notice : null), status);
        }

        public async Task<IResult> ScreenshotAsync(HttpContext c, long id)
        {
            var png = await store.GetScreenshotAsync(id, c.RequestAborted).ConfigureAwait(false);
            return png.IsEmpty ? Results.NotFound() : Results.Bytes(png.ToArray(), "image/png");
        }

        public async Task<IResult> MarksAsync(HttpContext c, long id)
        {
            var png = await store.GetMarksScreenshotAsync(id, c.RequestAborted).ConfigureAwait(false);
            return png.IsEmpty ? Results.NotFound() : Results.Bytes(png.ToArray(), "image/png");
        }

        public async Task<IResult> DecideAsync(HttpContext c, Reviewer r, string id)
        {
            var wantsJson = c.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase) || !c.Request.HasFormContentType;
            string decisionWord, comment, value;
            var hasValue = false;
            if (c.Request.HasFormContentType)
            {
                var form = await c.Request.ReadFormAsync(c.RequestAborted).ConfigureAwait(false);
                decisionWord = form["decision"].ToString();
                comment = form["comment"].ToString().Trim();
                value = form["value"].ToString();
                hasValue = form.ContainsKey("value") && form["edit"].ToString() == "on";
            }
            else
            {
                var body = await c.Request.ReadFromJsonAsync<DecisionBody>(ApprovalJson.Options, c.RequestAborted).ConfigureAwait(false);
                decisionWord = body?.Decision ?? "";
                comment = body?.Comment?.Trim() ?? "";
                value = body?.Value ?? "";
                hasValue = body?.Value is not null;
            }

            string? problem = decisionWord switch
            {
                "approve" => null,
                "reject" when comment.Length == 0 => "a rejection needs a reason; it goes back to the agent",
                "reject" => null,
                _ => $"unknown decision \"{decisionWord}\" (expected approve or reject)",
            };
            // Refused before anything is decided: the audit log would refuse it after the decision was stored.
            problem ??= Audit.AuditLimits.ReviewerTextProblem("comment", comment);
            ApprovalDecisionResult result;
            if (problem is not null)
            {
                result = new ApprovalDecisionResult(false, problem, await store.FindAsync(id, c.RequestAborted).ConfigureAwait(false)) { ErrorCode = "invalid" };
            }
            else
            {
                var decision = new ReviewerDecision(decisionWord == "approve", r.Name)
                {
                    Comment = comment.Length > 0 ? comment : null,
                    EditedValue = hasValue && decisionWord == "approve" ? value : null,
                };
                result = await store.DecideAsync(id, decision, c.RequestAborted).ConfigureAwait(false);
                if (options.Audit is { } audit && result.Approval is { } a)
                {
                    await audit.AppendAsync("decision", new
                    {
                        id = a.Id,
                        key = a.IdempotencyKey,
                        channel = "dashboard",
                        reviewer = r.Name,
                        approve = decision.Approve,
                        applied = result.Applied,
                        error = result.ErrorCode.Length == 0 ? null : result.ErrorCode,
                        comment = decision.Comment,
                        edited = decision.EditedValue is not null,
                    }, CancellationToken.None).ConfigureAwait(false);
                }
            }

            var code = result.Applied ? 200 : result.ErrorCode switch { "not_found" => 404, "invalid" => 400, "forbidden" => 403, _ => 409 };
            if (wantsJson)
            {
                return Results.Json(new
                {
                    applied = result.Applied,
                    error = result.ErrorCode.Length == 0 ? null : result.ErrorCode,
                    message = result.Message,
                    approval = result.Approval is null ? null : ApprovalsCommands.View(result.Approval),
                }, ApprovalJson.Options, statusCode: code);
            }

            if (result.Applied)
            {
                return Results.Redirect($"/approvals/{result.Approval!.Id.ToString(CultureInfo.InvariantCulture)}?done={(decisionWord == "approve" ? "approved" : "rejected")}");
            }

            return result.Approval is null
                ? Html(DashboardPages.Message("Not found", result.Message, r.Name, r.Session?.Csrf), code)
                : await DetailAsync(c, r, id, result.Message, code).ConfigureAwait(false);
        }

        public IResult Logout(HttpContext c, Reviewer r)
        {
            if (r.Session is { } s)
            {
                sessions.Remove(s.Id);
            }

            c.Response.Cookies.Delete(CookieName);
            return Html(DashboardPages.LoggedOut(), 200);
        }

        public async Task<IResult> ApiListAsync(HttpContext c, string? status)
        {
            ApprovalStatus? filter = null;
            if (!string.IsNullOrEmpty(status) && status != "all")
            {
                if (!Enum.TryParse<ApprovalStatus>(status, true, out var s) || int.TryParse(status, out _))
                {
                    return Results.Json(new { error = "invalid", message = $"unknown status \"{status}\"" }, ApprovalJson.Options, statusCode: 400);
                }

                filter = s;
            }

            await store.SweepAsync(c.RequestAborted).ConfigureAwait(false);
            var list = await store.ListAsync(filter, 500, c.RequestAborted).ConfigureAwait(false);
            return Results.Json(new { now = time.GetUtcNow(), items = list.Select(ApprovalsCommands.View) }, ApprovalJson.Options);
        }

        public async Task<IResult> ApiGetAsync(HttpContext c, string id)
        {
            var a = await store.FindAsync(id, c.RequestAborted).ConfigureAwait(false);
            return a is null
                ? Results.Json(new { error = "not_found", message = $"no approval \"{id}\"" }, ApprovalJson.Options, statusCode: 404)
                : Results.Json(ApprovalsCommands.View(a), ApprovalJson.Options);
        }

        private Reviewer? Authenticate(HttpContext c)
        {
            var auth = c.Request.Headers.Authorization.ToString();
            if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return tokens.Authenticate(auth[7..].Trim()) is { } name ? new Reviewer(name, null) : null;
            }

            return sessions.Find(c.Request.Cookies[CookieName]) is { } session ? new Reviewer(session.Reviewer, session) : null;
        }

        private static IResult Unauthorized(HttpContext c, string? why)
        {
            if (IsApi(c))
            {
                return Results.Json(new { error = "unauthorized", message = why ?? "log in with ?token=… or send Authorization: Bearer …" }, ApprovalJson.Options, statusCode: 401);
            }

            return Html(DashboardPages.Login(why), 401);
        }

        private static IResult Forbidden(HttpContext c, string why) =>
            IsApi(c) || c.Request.Method == "POST" && !c.Request.HasFormContentType
                ? Results.Json(new { error = "forbidden", message = why }, ApprovalJson.Options, statusCode: 403)
                : Html(DashboardPages.Message("Refused", why, null, null), 403);

        private static bool IsApi(HttpContext c) =>
            c.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) ||
            c.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

        private static IResult Html(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", null, status);
    }

    /// <summary>Who is asking: the reviewer and, for cookie sessions, the session (with its CSRF token).</summary>
    private sealed record Reviewer(string Name, DashboardSession? Session);

    /// <summary>The JSON body of a decision sent by a script.</summary>
    private sealed record DecisionBody(string? Decision, string? Comment, string? Value);
}
