using Microsoft.Playwright;

namespace ActionAgent.Browser.Internal;

/// <summary>
/// Counts the page's in-flight requests so the executor can wait until the page goes quiet after an action.
/// Long-lived requests (event streams, long polls older than a few seconds) are not waited for.
/// </summary>
internal sealed class PageActivity
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(5);
    private readonly Lock gate = new();
    private readonly Dictionary<IRequest, DateTimeOffset> inflight = [];
    private readonly TimeProvider time;
    private DateTimeOffset lastActivity;
    private DateTimeOffset lastDocumentReady = DateTimeOffset.MinValue;
    private DateTimeOffset lastCommit = DateTimeOffset.MinValue;
    private int navigationRequests;
    private int commits;

    public PageActivity(IPage page, TimeProvider time)
    {
        this.time = time;
        lastActivity = time.GetUtcNow();
        page.Request += (_, request) =>
        {
            if (request.ResourceType is "eventsource" or "websocket" or "ping" or "beacon")
            {
                return;
            }

            lock (gate)
            {
                inflight[request] = time.GetUtcNow();
                lastActivity = time.GetUtcNow();
            }

            if (IsMainFrameNavigation(page, request))
            {
                Interlocked.Increment(ref navigationRequests);
            }
        };
        page.RequestFinished += (_, request) => Done(request);
        page.RequestFailed += (_, request) => Done(request);
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                Interlocked.Increment(ref commits);
                lock (gate)
                {
                    lastCommit = time.GetUtcNow();
                }
            }

            Touch();
        };
        page.DOMContentLoaded += (_, _) =>
        {
            lock (gate)
            {
                lastDocumentReady = time.GetUtcNow();
            }

            Touch();
        };
        page.Load += (_, _) => Touch();
    }

    /// <summary>
    /// Waits until no request has been in flight for <paramref name="quiet"/>, or <paramref name="max"/> passes.
    /// With <paramref name="since"/>, requests that started before it are not waited for: an earlier settle already
    /// gave them its budget, and a slow one (a panel still loading) would otherwise cost every later action the whole
    /// budget again.
    /// </summary>
    /// <remarks>
    /// With <paramref name="untilNewDocument"/>, when the action opened a new document (a main-frame navigation
    /// committed since <paramref name="since"/>), the wait ends once that document fired DOMContentLoaded and its own
    /// subresources are in: the fetch/XHR calls its scripts make (a dashboard's data, a slow side panel) are not waited
    /// for. Whoever needs their result waits for it (a flow step's target, an expectation, a replay's recorded screen).
    /// </remarks>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan max, CancellationToken cancellationToken, DateTimeOffset? since = null, bool untilNewDocument = false)
    {
        var from = since ?? DateTimeOffset.MinValue;
        var deadline = time.GetUtcNow() + max;
        while (time.GetUtcNow() < deadline)
        {
            var now = time.GetUtcNow();
            bool busy;
            lock (gate)
            {
                busy = untilNewDocument && since is not null && lastCommit >= from
                    ? lastDocumentReady < lastCommit
                      || inflight.Any(r => r.Value >= from && now - r.Value < LongPoll && !(r.Value >= lastCommit && IsScriptFetch(r.Key)))
                      || now - lastDocumentReady < quiet
                    : inflight.Values.Any(started => started >= from && now - started < LongPoll) || now - lastActivity < quiet;
            }

            if (!busy)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Main-frame navigation requests and commits seen so far; compare two readings to see what happened between.</summary>
    public (int Requested, int Committed) Navigations => (Volatile.Read(ref navigationRequests), Volatile.Read(ref commits));

    /// <summary>
    /// After an action, when a main-frame navigation was requested since <paramref name="before"/> but has not
    /// committed, waits for the commit (at most <paramref name="max"/>); when none was requested, watches
    /// <paramref name="grace"/> for one to start late and then waits for it the same way. True when it waited and a
    /// navigation happened, so the caller should let the new document settle.
    /// </summary>
    public async Task<bool> WaitForNavigationAsync((int Requested, int Committed) before, TimeSpan grace, TimeSpan max, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var waited = false;
        while (true)
        {
            var now = Navigations;
            var pending = now.Requested - before.Requested > now.Committed - before.Committed;
            var elapsed = time.GetElapsedTime(started);
            if (pending ? elapsed >= max : (now != before || elapsed >= grace))
            {
                return waited && now != before;
            }

            waited = true;
            await Task.Delay(TimeSpan.FromMilliseconds(10), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsScriptFetch(IRequest request)
    {
        try
        {
            return request.ResourceType is "fetch" or "xhr";
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private static bool IsMainFrameNavigation(IPage page, IRequest request)
    {
        try
        {
            // A redirect is the same navigation: count its first request only.
            return request.IsNavigationRequest && request.RedirectedFrom is null && request.Frame == page.MainFrame;
        }
        catch (PlaywrightException)
        {
            return false; // A service worker's request has no frame.
        }
    }

    private void Done(IRequest request)
    {
        lock (gate)
        {
            inflight.Remove(request);
            lastActivity = time.GetUtcNow();
        }
    }

    /// <summary>Marks activity now (an action just happened), so the quiet period starts from here.</summary>
    public void Touch()
    {
        lock (gate)
        {
            lastActivity = time.GetUtcNow();
        }
    }
}
