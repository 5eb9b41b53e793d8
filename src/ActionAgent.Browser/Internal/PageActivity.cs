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
        };
        page.RequestFinished += (_, request) => Done(request);
        page.RequestFailed += (_, request) => Done(request);
        page.FrameNavigated += (_, _) => Touch();
        page.DOMContentLoaded += (_, _) => Touch();
        page.Load += (_, _) => Touch();
    }

    /// <summary>Waits until no request has been in flight for <paramref name="quiet"/>, or <paramref name="max"/> passes.</summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan max, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + max;
        while (time.GetUtcNow() < deadline)
        {
            var now = time.GetUtcNow();
            bool busy;
            lock (gate)
            {
                busy = inflight.Values.Any(started => now - started < LongPoll) || now - lastActivity < quiet;
            }

            if (!busy)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
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
