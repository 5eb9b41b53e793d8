using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Network;

/// <summary>
/// A CDP <c>Fetch</c> interception on one page, beside Playwright's routing. Playwright continues unrouted every paused
/// request without a network id, which is what Chromium reports for <c>sendBeacon</c> and <c>fetch(…, {keepalive: true})</c>
/// sent from <c>pagehide</c>/<c>visibilitychange</c> while a document unloads; this gate hands exactly those to the guard
/// and continues the rest, which Playwright's route then decides. It also stops the page's scripts when the run ends.
/// </summary>
internal sealed class UnloadRequestGate : IAsyncDisposable
{
    private readonly ICDPSession _session;
    private readonly Func<GuardedRequest, Task> _decide;
    private readonly ILogger _logger;
    private readonly string _pageUrl;

    private UnloadRequestGate(ICDPSession session, Func<GuardedRequest, Task> decide, ILogger logger, string pageUrl)
    {
        _session = session;
        _decide = decide;
        _logger = logger;
        _pageUrl = pageUrl;
    }

    /// <summary>Opens a CDP session on the page and starts intercepting at the request stage.</summary>
    public static async Task<UnloadRequestGate> AttachAsync(IPage page, Func<GuardedRequest, Task> decide, ILogger logger)
    {
        var session = await page.Context.NewCDPSessionAsync(page).ConfigureAwait(false);
        var gate = new UnloadRequestGate(session, decide, logger, page.Url);
        session.Event("Fetch.requestPaused").OnEvent += (_, e) =>
        {
            if (e is { } paused)
            {
                _ = gate.OnPausedAsync(paused);
            }
        };
        await session.SendAsync("Fetch.enable", new Dictionary<string, object>
        {
            ["patterns"] = new object[] { new Dictionary<string, object> { ["urlPattern"] = "*", ["requestStage"] = "Request" } },
        }).ConfigureAwait(false);
        return gate;
    }

    /// <summary>Stops every script of the page, so no unload handler runs when the page closes.</summary>
    public async Task StopScriptsAsync()
    {
        try
        {
            await _session.SendAsync("Emulation.setScriptExecutionDisabled", new Dictionary<string, object> { ["value"] = true }).ConfigureAwait(false);
        }
        catch (PlaywrightException e)
        {
            _logger.LogDebug(e, "Could not stop the scripts of a page (it may be closed)");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.SendAsync("Fetch.disable").ConfigureAwait(false);
            await _session.DetachAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // The page is gone already.
        }
    }

    private async Task OnPausedAsync(JsonElement paused)
    {
        var id = paused.GetProperty("requestId").GetString() ?? "";
        try
        {
            if (paused.TryGetProperty("networkId", out var networkId) && networkId.ValueKind == JsonValueKind.String)
            {
                // Playwright sees this one too and its route decides it.
                await ContinueAsync(id).ConfigureAwait(false);
                return;
            }

            var request = paused.GetProperty("request");
            var method = request.GetProperty("method").GetString() ?? "GET";
            var url = request.GetProperty("url").GetString() ?? "";
            var size = request.TryGetProperty("postDataEntries", out var entries) && entries.ValueKind == JsonValueKind.Array
                ? entries.EnumerateArray().Sum(x => x.TryGetProperty("bytes", out var b) ? (b.GetString()?.Length ?? 0) * 3 / 4 : 0)
                : 0;
            var type = paused.TryGetProperty("resourceType", out var t) ? t.GetString() ?? "" : "";
            await _decide(new GuardedRequest(method, url, () => ContinueAsync(id), () => FailAsync(id))
            {
                ResourceType = type.ToLowerInvariant(),
                BodySize = size,
                PageUrl = _pageUrl,
            }).ConfigureAwait(false);
        }
        catch (PlaywrightException e)
        {
            _logger.LogDebug(e, "An unload request could not be resolved (the page is gone)");
        }
    }

    private Task ContinueAsync(string id) =>
        _session.SendAsync("Fetch.continueRequest", new Dictionary<string, object> { ["requestId"] = id });

    private Task FailAsync(string id) =>
        _session.SendAsync("Fetch.failRequest", new Dictionary<string, object> { ["requestId"] = id, ["errorReason"] = "BlockedByClient" });
}
