using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Network;

/// <summary>
/// Applies the policy to every request the pages of a browser context make (navigations, popups, fetch/XHR, subresources,
/// WebSockets) through Playwright routing. Denied hosts are aborted. In guard mode a mutating request (POST, PUT, PATCH,
/// DELETE) made while no approved action is executing is held — the route handler awaits — and turned into an approval
/// request; approved continues, rejected aborts. The executor marks approved actions with <see cref="BeginApprovedAction"/>
/// so they pass without a second prompt. Limits: Playwright does not route redirect hops, so a redirect to a denied host
/// is reported (<see cref="NetworkEventKind.RedirectToDenied"/>), not blocked; service workers must be blocked in the
/// context options (<c>ServiceWorkers = ServiceWorkerPolicy.Block</c>) or their requests bypass routing.
/// </summary>
public sealed class NetworkGuard : IAsyncDisposable
{
    /// <summary>Methods that change data; "WS" is a message a page sends over a WebSocket (its meaning is unknown).</summary>
    private static readonly string[] MutatingMethods = ["POST", "PUT", "PATCH", "DELETE", GuardedRequest.WebSocketMethod];

    private readonly NetworkGuardOptions _options;
    private readonly IApprover? _approver;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly (string? Method, Regex Url)[] _exempt;
    private readonly ConcurrentQueue<NetworkEvent> _events = new();
    private readonly object _gate = new();
    private int _inFlight;
    private DateTimeOffset _graceUntil = DateTimeOffset.MinValue;
    private string? _armed;
    private readonly ConcurrentDictionary<long, Task<NetworkEvent>> _holdOutcomes = new();
    private readonly ConcurrentBag<UnloadRequestGate> _gates = [];
    private long _holdSeq;
    private long _lastSeenTicks = Environment.TickCount64;
    private int _undecidedMessages;
    private volatile bool _sealed;
    private BrowserAction? _armedAction;
    private IBrowserContext? _context;
    private EventHandler<IRequest>? _requestHandler;
    private EventHandler<IPage>? _pageHandler;

    /// <summary>A guard; <paramref name="approver"/> decides held requests (without one, held requests are rejected).</summary>
    public NetworkGuard(NetworkGuardOptions options, IApprover? approver = null, TimeProvider? time = null, ILogger<NetworkGuard>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _approver = approver;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _exempt = options.Exempt.Select(ParseExempt).ToArray();
    }

    /// <summary>Raised for every request the guard blocked, held, let through on approval or exemption, or reported.</summary>
    public event Action<NetworkEvent>? Event;

    /// <summary>Everything the guard did so far, oldest first.</summary>
    public IReadOnlyList<NetworkEvent> Events => _events.ToArray();

    /// <summary>True while an approved action executes (or within the grace period after it).</summary>
    public bool ApprovedActionInFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight > 0 || _time.GetUtcNow() <= _graceUntil;
            }
        }
    }

    /// <summary>Starts routing the context's requests. Does nothing in mode off.</summary>
    public async Task AttachAsync(IBrowserContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_options.Mode == NetworkGuardMode.Off)
        {
            return;
        }

        if (_context is not null)
        {
            throw new InvalidOperationException("this network guard is already attached to a browser context");
        }

        cancellationToken.ThrowIfCancellationRequested();
        _context = context;
        await context.RouteAsync("**/*", HandleAsync).ConfigureAwait(false);
        await context.RouteWebSocketAsync(_ => true, HandleWebSocket).ConfigureAwait(false);
        _requestHandler = OnRequest;
        context.Request += _requestHandler;

        // Playwright continues unrouted the requests a page sends while it unloads (sendBeacon, keepalive fetch in
        // pagehide/visibilitychange carry no network id): a CDP gate on every page decides those.
        _pageHandler = (_, page) => _ = AttachGateAsync(page);
        context.Page += _pageHandler;
        foreach (var page in context.Pages)
        {
            await AttachGateAsync(page).ConfigureAwait(false);
        }
    }

    /// <summary>How long <see cref="NetworkGuardDecider"/> lets the traffic settle before it accepts "done".</summary>
    public TimeSpan SettleBeforeDone => _options.SettleBeforeDone;

    /// <summary>A mark for <see cref="RefusedSinceAsync"/>: the number of requests held so far.</summary>
    public long HoldMark => Interlocked.Read(ref _holdSeq);

    /// <summary>
    /// Waits until every request held after <paramref name="mark"/> is decided and returns the ones that were rejected
    /// (or expired) and aborted, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<NetworkEvent>> RefusedSinceAsync(long mark, CancellationToken cancellationToken = default)
    {
        var pending = _holdOutcomes.Where(h => h.Key > mark).OrderBy(h => h.Key).Select(h => h.Value).ToArray();
        var outcomes = await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        return outcomes.Where(e => e.Kind == NetworkEventKind.Rejected).ToArray();
    }

    /// <summary>
    /// Waits until the page's traffic has been quiet for <paramref name="quiet"/>: no request or WebSocket message seen in
    /// that time and none still on its way to a decision (at most four times <paramref name="quiet"/> in all). A message a
    /// page sends just before the decider says done reaches the guard a moment later; this lets it be counted. Measured on
    /// the wall clock: network timing is real whatever clock the run uses.
    /// </summary>
    public async Task SettleAsync(TimeSpan quiet, CancellationToken cancellationToken = default)
    {
        if (quiet <= TimeSpan.Zero || _context is null)
        {
            return;
        }

        var quietMs = (long)quiet.TotalMilliseconds;
        var deadline = Environment.TickCount64 + 4 * quietMs;
        while (true)
        {
            var now = Environment.TickCount64;
            var since = now - Interlocked.Read(ref _lastSeenTicks);
            if (since >= quietMs && Volatile.Read(ref _undecidedMessages) == 0 || now >= deadline)
            {
                return;
            }

            var wait = Math.Clamp(Math.Min(quietMs - since, deadline - now), 10, 100);
            await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken).ConfigureAwait(false);
        }
    }

    private void Seen() => Interlocked.Exchange(ref _lastSeenTicks, Environment.TickCount64);

    /// <summary>
    /// Marks that an approved action is executing: mutating requests pass until the returned scope is disposed (plus
    /// <see cref="NetworkGuardOptions.ApprovedActionGrace"/>). Use as <c>using var _ = guard.BeginApprovedAction("step 4");</c>.
    /// </summary>
    public IDisposable BeginApprovedAction(string what = "")
    {
        lock (_gate)
        {
            _inFlight++;
        }

        _logger.LogDebug("Approved action {What} executing: mutating requests pass", what);
        return new Scope(this);
    }

    /// <summary>Arms the guard for the next action the executor runs (called by <see cref="NetworkGuardApprover"/> on approval).</summary>
    public void ArmForNextAction(string idempotencyKey) => Arm(idempotencyKey, null);

    /// <summary>
    /// Arms the guard for <paramref name="action"/> only: <see cref="BeginArmedAction(BrowserAction?)"/> with another action
    /// does not use it. Called when a reviewer approved the action or the policy allowed an irreversible one.
    /// </summary>
    public void Arm(string what, BrowserAction? action)
    {
        lock (_gate)
        {
            _armed = what;
            _armedAction = action;
        }
    }

    /// <summary>Forgets an arm that no action used.</summary>
    public void Disarm()
    {
        lock (_gate)
        {
            _armed = null;
            _armedAction = null;
        }
    }

    /// <summary>Begins an approved-action scope if the guard was armed, otherwise returns a scope that does nothing.</summary>
    public IDisposable BeginArmedAction() => BeginArmedAction(null);

    /// <summary>
    /// Begins an approved-action scope if the guard was armed for <paramref name="action"/> (or armed without naming an
    /// action); otherwise returns a scope that does nothing. The arm is used up either way.
    /// </summary>
    public IDisposable BeginArmedAction(BrowserAction? action)
    {
        string? armed;
        lock (_gate)
        {
            armed = _armed;
            if (_armedAction is not null && action is not null && !Equals(_armedAction, action))
            {
                armed = null;
            }

            _armed = null;
            _armedAction = null;
            if (armed is null)
            {
                // An action nobody approved begins: the grace period of the approved action before it ends now, or a
                // quick next click's request would pass on the earlier approval.
                _graceUntil = DateTimeOffset.MinValue;
            }
        }

        return armed is null ? NoScope.Instance : BeginApprovedAction(armed);
    }

    /// <summary>
    /// Ends the guard. With <see cref="NetworkGuardOptions.SealOnDispose"/> (the default) the pages' scripts are stopped
    /// and every later request of the context is aborted, so nothing a page sends while the context closes (unload
    /// beacons, keepalive fetches) reaches a server; dispose the guard before closing the context. Without it the routes
    /// are removed and the context is left as it was.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_context is not { } context)
        {
            return;
        }

        if (_options.SealOnDispose)
        {
            _sealed = true;
            foreach (var gate in _gates)
            {
                await gate.StopScriptsAsync().ConfigureAwait(false);
            }

            return;
        }

        _context = null;
        if (_requestHandler is not null)
        {
            context.Request -= _requestHandler;
        }

        if (_pageHandler is not null)
        {
            context.Page -= _pageHandler;
        }

        foreach (var gate in _gates)
        {
            await gate.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await context.UnrouteAsync("**/*", HandleAsync).ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // The context is already closed: nothing is routed any more.
        }
    }

    private async Task AttachGateAsync(IPage page)
    {
        try
        {
            var gate = await UnloadRequestGate.AttachAsync(page, DecideAsync, _logger).ConfigureAwait(false);
            _gates.Add(gate);
            if (_sealed)
            {
                await gate.StopScriptsAsync().ConfigureAwait(false);
            }
        }
        catch (PlaywrightException e)
        {
            // Not Chromium, or the page closed at once: routing still covers everything Playwright sees.
            _logger.LogWarning("Network guard could not watch unload requests of {Url}: {Message}", SafePageUrl(page), e.Message);
        }
    }

    private Task HandleAsync(IRoute route) => DecideAsync(GuardedRequest.From(route));

    private async Task DecideAsync(GuardedRequest request)
    {
        Seen();
        var url = request.Url;
        var method = request.Method;
        if (_sealed)
        {
            _logger.LogDebug("Network guard aborted {Method} {Url}: the run is over", method, LoggedUrl.Of(url));
            await request.AbortAsync().ConfigureAwait(false);
            return;
        }

        var host = DomainPattern.HostOf(url);
        if (host is null)
        {
            await request.ContinueAsync().ConfigureAwait(false);
            return;
        }

        var status = _options.Domains.Classify(host);
        if (status == DomainStatus.Denied || status == DomainStatus.Unlisted && _options.Domains.Unlisted != VerdictKind.Allow)
        {
            var reason = status == DomainStatus.Denied ? $"{host} is a denied domain" : $"{host} is not an allowed domain";
            if (_options.Mode == NetworkGuardMode.Log)
            {
                Raise(NetworkEventKind.Violation, request, reason + " (log mode: let through)");
                await request.ContinueAsync().ConfigureAwait(false);
            }
            else
            {
                Raise(NetworkEventKind.Blocked, request, reason);
                await request.AbortAsync().ConfigureAwait(false);
            }

            return;
        }

        if (MutatingMethods.Contains(method) && ApprovedActionInFlight && Volatile.Read(ref _approvedCheck) is { } check && check(request) is { } refused)
        {
            // The approved action's own form, rewritten during the press (by its click or submit handler): not what was approved.
            // Counted as refused, so a decider's "done" after it ends the run failed (NetworkGuardDecider).
            var stopped = Raise(NetworkEventKind.Rejected, request, refused);
            _holdOutcomes[Interlocked.Increment(ref _holdSeq)] = Task.FromResult(stopped);
            await request.AbortAsync().ConfigureAwait(false);
            return;
        }

        if (!MutatingMethods.Contains(method) || ApprovedActionInFlight)
        {
            await request.ContinueAsync().ConfigureAwait(false);
            return;
        }

        if (IsExempt(method, url))
        {
            Raise(NetworkEventKind.Exempt, request, "exempt endpoint");
            await request.ContinueAsync().ConfigureAwait(false);
            return;
        }

        if (_options.Mode == NetworkGuardMode.Log)
        {
            Raise(NetworkEventKind.Violation, request, $"{method} while no approved action was running (log mode: let through)");
            await request.ContinueAsync().ConfigureAwait(false);
            return;
        }

        var seq = Interlocked.Increment(ref _holdSeq);
        var outcome = new TaskCompletionSource<NetworkEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        _holdOutcomes[seq] = outcome.Task;
        try
        {
            outcome.TrySetResult(await HoldAsync(request, (int)seq).ConfigureAwait(false));
        }
        finally
        {
            // Whatever went wrong, a step waiting for this hold hears that it was not approved.
            outcome.TrySetResult(new NetworkEvent(NetworkEventKind.Rejected, method, url, "the hold failed") { At = _time.GetUtcNow() });
        }
    }

    private async Task<NetworkEvent> HoldAsync(GuardedRequest request, int step)
    {
        var method = request.Method;
        var url = request.Url;
        var why = $"the page sent {method} {url} while no approved action was running";
        Raise(NetworkEventKind.Held, request, why);
        ApprovalDecision decision;
        if (_approver is null)
        {
            decision = ApprovalDecision.Reject("network-guard", "no reviewer is configured for held requests");
        }
        else
        {
            var size = request.BodySize;
            var proposal = new ProposedAction(new NavigateAction(url), why)
            {
                DecidedBy = "network-guard",
                StepText = $"{method} {url}{(size > 0 ? $" ({size} bytes)" : "")}",
            };
            var verdict = new Verdict(VerdictKind.RequireApproval, RiskClass.Egress, "network.unapproved-mutation",
                $"{method} {url}{(size > 0 ? $" with {size} bytes of data" : "")} changes data and no approved action is running");
            try
            {
                decision = await _approver.RequestAsync(new ApprovalRequest(_options.RunId + "/net", step, proposal, verdict)
                {
                    Task = _options.Task,
                    Url = request.PageUrl,
                }).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.LogWarning(e, "Approval of held request {Method} {Url} failed", method, url);
                decision = ApprovalDecision.Reject("network-guard", $"the approval request failed: {e.Message}");
            }
        }

        var approved = decision.IsApproved && !_sealed;
        var result = approved
            ? Raise(NetworkEventKind.Approved, request, $"approved by {decision.Reviewer}")
            : Raise(NetworkEventKind.Rejected, request, decision.IsApproved
                ? "approved, but the run ended before it could continue"
                : $"{(decision.Expired ? "expired" : "rejected by " + decision.Reviewer)}: {decision.Reason}");
        try
        {
            await (approved ? request.ContinueAsync() : request.AbortAsync()).ConfigureAwait(false);
        }
        catch (PlaywrightException e)
        {
            // The page went away while the request was held.
            _logger.LogDebug(e, "Held request {Url} could not be resolved", LoggedUrl.Of(url));
        }

        return result;
    }

    private void HandleWebSocket(IWebSocketRoute ws)
    {
        var host = DomainPattern.HostOf(ws.Url);
        var status = host is null ? DomainStatus.Allowed : _options.Domains.Classify(host);
        if (status == DomainStatus.Allowed || status == DomainStatus.Unlisted && _options.Domains.Unlisted == VerdictKind.Allow || _options.Mode == NetworkGuardMode.Log)
        {
            if (status != DomainStatus.Allowed && _options.Mode == NetworkGuardMode.Log)
            {
                Record(new NetworkEvent(NetworkEventKind.Violation, "WS", ws.Url, $"{host} is not allowed (log mode: let through)") { ResourceType = "websocket", At = _time.GetUtcNow() });
            }

            GuardMessages(ws, ws.ConnectToServer());
            return;
        }

        Record(new NetworkEvent(NetworkEventKind.Blocked, "WS", ws.Url, $"{host} is {(status == DomainStatus.Denied ? "a denied" : "not an allowed")} domain") { ResourceType = "websocket", At = _time.GetUtcNow() });
        _ = ws.CloseAsync(new() { Code = 1008, Reason = "blocked by policy" });
    }

    /// <summary>
    /// Every message the page sends to the server goes through <see cref="DecideAsync"/> like a mutating request: it passes
    /// while an approved action runs (or is exempt, or in log mode), otherwise it is held for a reviewer and dropped unless
    /// approved. Messages keep their order: each waits for the decision on the one before. Server messages pass unchanged.
    /// </summary>
    private void GuardMessages(IWebSocketRoute page, IWebSocketRoute server)
    {
        var order = Task.CompletedTask;
        var orderGate = new object();
        page.OnMessage(frame =>
        {
            Seen();
            Interlocked.Increment(ref _undecidedMessages);
            var request = GuardedRequest.FromWebSocket(page.Url, frame, server);
            lock (orderGate)
            {
                order = order.ContinueWith(_ => DecideMessageAsync(request), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        });
    }

    private Task DecideMessageAsync(GuardedRequest request)
    {
        try
        {
            // DecideAsync runs up to its first wait before returning: by then the message is held (and RefusedSinceAsync
            // waits for its outcome) or on its way through.
            return DecideAsync(request);
        }
        finally
        {
            Interlocked.Decrement(ref _undecidedMessages);
        }
    }

    private void OnRequest(object? sender, IRequest request)
    {
        // Redirect hops are not routed by Playwright: report the ones that reach a denied host.
        if (request.RedirectedFrom is null || DomainPattern.HostOf(request.Url) is not { } host)
        {
            return;
        }

        var status = _options.Domains.Classify(host);
        if (status == DomainStatus.Denied || status == DomainStatus.Unlisted && _options.Domains.Unlisted != VerdictKind.Allow)
        {
            Raise(NetworkEventKind.RedirectToDenied, GuardedRequest.Observed(request), $"a redirect from {request.RedirectedFrom.Url} leads to {host}, which is not allowed");
        }
    }

    private bool IsExempt(string method, string url) =>
        _exempt.Any(e => (e.Method is null || e.Method == method) && e.Url.IsMatch(url));

    private NetworkEvent Raise(NetworkEventKind kind, GuardedRequest request, string reason)
    {
        var e = new NetworkEvent(kind, request.Method, request.Url, reason)
        {
            ResourceType = request.ResourceType,
            IsNavigation = request.IsNavigation,
            At = _time.GetUtcNow(),
        };
        Record(e);
        return e;
    }

    private void Record(NetworkEvent e)
    {
        _events.Enqueue(e);
        if (e.Kind is NetworkEventKind.Blocked or NetworkEventKind.Held or NetworkEventKind.Rejected or NetworkEventKind.RedirectToDenied)
        {
            _logger.LogWarning("Network guard {Kind} {Method} {Url}: {Reason}", e.Kind, e.Method, e.Url, e.Reason);
        }
        else
        {
            _logger.LogInformation("Network guard {Kind} {Method} {Url}", e.Kind, e.Method, LoggedUrl.Of(e.Url));
            _logger.LogTrace("Network guard {Kind} {Method} {Url}: {Reason}", e.Kind, e.Method, e.Url, e.Reason);
        }

        Event?.Invoke(e);
    }

    private static string SafePageUrl(IPage page)
    {
        try
        {
            return page.Url;
        }
        catch (PlaywrightException)
        {
            return "";
        }
    }

    private static (string? Method, Regex Url) ParseExempt(string spec)
    {
        var s = spec.Trim();
        string? method = null;
        var space = s.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && s[..space].All(char.IsLetter))
        {
            method = s[..space].ToUpperInvariant();
            s = s[(space + 1)..].Trim();
        }

        var pattern = "^" + string.Join(".*", s.Split('*').Select(Regex.Escape)) + "$";
        return (method, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
    }

    private Func<GuardedRequest, string?>? _approvedCheck;

    /// <summary>
    /// What a mutating request sent while the next approved action runs (and its grace period) must pass: a reason to
    /// abort it, or null to let it go. Replaced by the next call; null checks nothing.
    /// </summary>
    internal void CheckApprovedRequests(Func<GuardedRequest, string?>? check) => Volatile.Write(ref _approvedCheck, check);

    private void EndApprovedAction()
    {
        lock (_gate)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
            var until = _time.GetUtcNow() + _options.ApprovedActionGrace;
            if (until > _graceUntil)
            {
                _graceUntil = until;
            }
        }
    }

    private sealed class Scope(NetworkGuard guard) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                guard.EndApprovedAction();
            }
        }
    }

    private sealed class NoScope : IDisposable
    {
        public static NoScope Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
