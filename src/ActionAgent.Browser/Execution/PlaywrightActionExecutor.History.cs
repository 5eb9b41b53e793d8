using System.Text.Json;
using ActionAgent.Core.Execution;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Execution;

/// <summary>The browser's Back: only to a page this tab showed before, never off into the blank page a run starts from.</summary>
public sealed partial class PlaywrightActionExecutor
{
    private async Task<ActionOutcome> GoBackAsync(CancellationToken ct)
    {
        var before = SafeUrl();
        if (await PreviousEntryAsync().ConfigureAwait(false) is { } previous && IsBlank(previous))
        {
            // "Go back one slide" read as the browser's Back left the task's page for about:blank and was called done.
            return ActionOutcome.Failed($"there is no earlier page in this tab to go back to (before {before} the tab was blank); nothing was done");
        }

        IResponse? response;
        try
        {
            response = await Guard(() => Page.GoBackAsync(new PageGoBackOptions
            {
                WaitUntil = WaitUntilState.DOMContentLoaded,
                Timeout = Settings.Timeouts.NavigationMs,
            }), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException && !session.IsDead)
        {
            return ActionOutcome.Failed($"going back failed: {Clean(e)}");
        }

        var after = SafeUrl();
        return response is null && after == before
            ? ActionOutcome.Failed("there is no previous page to go back to")
            : ActionOutcome.Success($"went back to {after}").WithChecks([$"the address changed from {before} to {after}"]);
    }

    // The URL of the history entry before the current one ("" when there is none), read over CDP; null when the browser
    // cannot say (not Chromium): then Back is tried as before.
    private async Task<string?> PreviousEntryAsync()
    {
        ICDPSession? cdp = null;
        try
        {
            cdp = await Page.Context.NewCDPSessionAsync(Page).ConfigureAwait(false);
            var history = await cdp.SendAsync("Page.getNavigationHistory").ConfigureAwait(false);
            if (history is not { } h || !h.TryGetProperty("currentIndex", out var index) || !h.TryGetProperty("entries", out var entries))
            {
                return null;
            }

            var at = index.GetInt32();
            return at <= 0 ? "" : entries[at - 1].TryGetProperty("url", out var url) ? url.GetString() ?? "" : null;
        }
        catch (Exception e) when (e is PlaywrightException or JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return null;
        }
        finally
        {
            if (cdp is not null)
            {
                try
                {
                    await cdp.DetachAsync().ConfigureAwait(false);
                }
                catch (PlaywrightException)
                {
                    // the page went away; nothing to detach from
                }
            }
        }
    }

    private static bool IsBlank(string url) => url.Length == 0 || url.StartsWith("about:blank", StringComparison.OrdinalIgnoreCase);
}
