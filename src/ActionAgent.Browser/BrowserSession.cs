using ActionAgent.Browser.Execution;
using ActionAgent.Browser.Internal;
using ActionAgent.Browser.Perception;
using ActionAgent.Core.Perception;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

/// <summary>
/// One browser page the agent works in, with the Playwright objects that own it. Create it with
/// <see cref="BrowserSessionFactory.OpenAsync"/>; dispose it to close what it opened (an attached CDP browser is left running).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable, IScreenCapture
{
    private const int TokenMemory = 64;
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly ILogger logger;
    private readonly TaskCompletionSource<string> dead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock tokenGate = new();
    private readonly Dictionary<(string Url, DateTimeOffset At), string> tokens = [];
    private readonly Queue<(string Url, DateTimeOffset At)> tokenOrder = new();
    private readonly List<IPage> popups = [];
    private int disposed;

    internal BrowserSession(
        IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, BrowserSettings settings,
        BrowserConnection connection, ILoggerFactory loggerFactory, TimeProvider time)
    {
        this.playwright = playwright;
        this.browser = browser;
        Context = context;
        Page = page;
        Settings = settings;
        Connection = connection;
        LoggerFactory = loggerFactory;
        Time = time;
        logger = loggerFactory.CreateLogger<BrowserSession>();
        BrowserVersion = browser.Version;
        ScriptKey = "__aa_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        Dialogs = new DialogTracker(logger);
        Activity = new PageActivity(page, time);
        page.Dialog += (_, dialog) => Dialogs.OnDialog(dialog);
        page.Popup += (_, popup) =>
        {
            lock (popups)
            {
                popups.Add(popup);
            }
        };
        page.Crash += (_, _) =>
        {
            logger.LogError("The page crashed at {Url}", SafeUrl());
            dead.TrySetResult($"the page crashed (its renderer process died) at {SafeUrl()}; the browser may be out of memory. Start the run again.");
        };
        page.Close += (_, _) => dead.TrySetResult("the page was closed (by the site, the user or the browser); start the run again.");
        browser.Disconnected += (_, _) => dead.TrySetResult("the connection to the browser was lost (the browser closed or crashed); start the run again.");
    }

    /// <summary>The page actions happen in.</summary>
    public IPage Page { get; }

    /// <summary>The browser context that holds the page.</summary>
    public IBrowserContext Context { get; }

    /// <summary>The settings the session was opened with.</summary>
    public BrowserSettings Settings { get; }

    /// <summary>How the browser was reached.</summary>
    public BrowserConnection Connection { get; }

    /// <summary>The browser's version string, for run manifests ("139.0.7258.5").</summary>
    public string BrowserVersion { get; }

    /// <summary>True once the page crashed, closed or the browser went away; every later call throws.</summary>
    public bool IsDead => dead.Task.IsCompleted;

    internal ILoggerFactory LoggerFactory { get; }

    internal TimeProvider Time { get; }

    internal string ScriptKey { get; }

    internal DialogTracker Dialogs { get; }

    internal PageActivity Activity { get; }

    /// <summary>Creates a perceiver bound to this session's page.</summary>
    public PlaywrightPerceiver CreatePerceiver(PerceiverOptions? options = null) => new(this, options ?? new PerceiverOptions());

    /// <summary>
    /// Creates an executor for this session's page. <paramref name="resolveSecrets"/> replaces <c>{{secret:NAME}}</c>
    /// references in typed text (by default text is typed as it is); it is given the text and the URL of the document that
    /// receives it (the page, or the frame holding the focused field), and throws to refuse. <paramref name="settle"/> replaces
    /// <c>timeouts.settleMs</c> as the longest wait for the network to go quiet after an action (a navigation the
    /// action started is still waited for up to <c>settleMs</c>).
    /// </summary>
    public PlaywrightActionExecutor CreateExecutor(Func<string, string, string>? resolveSecrets = null, TimeSpan? settle = null) => new(this, resolveSecrets, settle);

    /// <summary>
    /// After a look that raced a navigation: waits (up to <c>timeouts.navigationMs</c>) for the new document's DOM; a page
    /// still loading after that is looked at anyway. A dialog the page opens stops the wait (<see cref="DialogOpenedException"/>).
    /// </summary>
    internal async Task WaitForNewDocumentAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GuardAsync(
                async () =>
                {
                    await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions { Timeout = Settings.Timeouts.NavigationMs })
                        .ConfigureAwait(false);
                    return true;
                },
                cancellationToken,
                stopOnDialog: true).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Look again anyway; the next attempt reports what is there.
        }
    }

    /// <summary>Captures the viewport as PNG, masked and scaled exactly like observation screenshots.</summary>
    public async Task<ReadOnlyMemory<byte>> CaptureAsync(CancellationToken cancellationToken = default)
    {
        // A capture right after a click that navigates (a verifier's) can race the new document: wait for it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var size = await GuardAsync(() => Page.EvaluateAsync<double[]>("() => [window.innerWidth, window.devicePixelRatio || 1]"), cancellationToken, stopOnDialog: true).ConfigureAwait(false);
                var shot = await GuardAsync(() => Screenshotter.TakeAsync(Page, (int)size[0], size[1], Settings), cancellationToken, stopOnDialog: true).ConfigureAwait(false);
                return shot.Png;
            }
            catch (PlaywrightException e) when (attempt < 5 && PlaywrightPerceiver.IsNavigationRace(e) && !cancellationToken.IsCancellationRequested)
            {
                await GuardAsync(
                    async () =>
                    {
                        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions { Timeout = Settings.Timeouts.ActionMs }).ConfigureAwait(false);
                        return true;
                    },
                    cancellationToken,
                    stopOnDialog: true).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            switch (Connection.Kind)
            {
                case BrowserConnectionKind.Launch:
                case BrowserConnectionKind.Connect:
                    await Context.CloseAsync().ConfigureAwait(false);
                    await browser.CloseAsync().ConfigureAwait(false);
                    break;
                case BrowserConnectionKind.Cdp:
                    // Someone else's browser: leave it and its pages as they are; only our connection goes away.
                    break;
            }
        }
        catch (PlaywrightException e)
        {
            logger.LogDebug(e, "Closing the browser failed (it may already be gone)");
        }
        finally
        {
            dead.TrySetResult("the browser session was closed.");
            playwright.Dispose();
        }
    }

    internal void ThrowIfDead()
    {
        if (dead.Task.IsCompleted)
        {
            throw new BrowserSessionException(Capitalize(dead.Task.Result));
        }
    }

    /// <summary>
    /// Runs a page operation, but gives up at once when the page crashes or closes (Playwright would otherwise wait),
    /// and, when <paramref name="stopOnDialog"/>, when a dialog opens and blocks the page.
    /// </summary>
    internal async Task<T> GuardAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken, bool stopOnDialog = false)
    {
        ThrowIfDead();
        cancellationToken.ThrowIfCancellationRequested();
        if (stopOnDialog && Dialogs.Pending is not null)
        {
            throw new DialogOpenedException();
        }

        var work = operation();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = cancellationToken.Register(() => cancelled.TrySetResult());
        var waits = new List<Task> { work, dead.Task, cancelled.Task };
        var dialog = stopOnDialog ? Dialogs.Opened : null;
        if (dialog is not null)
        {
            waits.Add(dialog);
        }

        var first = await Task.WhenAny(waits).ConfigureAwait(false);
        if (first == work)
        {
            try
            {
                return await work.ConfigureAwait(false);
            }
            catch (PlaywrightException e) when (dead.Task.IsCompleted)
            {
                throw new BrowserSessionException(Capitalize(dead.Task.Result), e);
            }
        }

        // The operation is abandoned; observe its eventual failure so it is not reported as unobserved.
        _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        if (first == dead.Task)
        {
            throw new BrowserSessionException(Capitalize(dead.Task.Result));
        }

        if (first == dialog)
        {
            throw new DialogOpenedException();
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>
    /// Notes about tabs or windows the page opened since the last call. The session stays in its own page, so the
    /// decider is told where the new one went (the executor adds them to the outcome, or the next observation does).
    /// </summary>
    internal IReadOnlyList<string> TakePopupNotes()
    {
        IPage[] opened;
        lock (popups)
        {
            opened = [.. popups];
            popups.Clear();
        }

        return opened.Select(p =>
        {
            string url;
            try
            {
                url = p.Url;
            }
            catch (PlaywrightException)
            {
                url = "unknown URL";
            }

            return $"the page opened a new tab or window ({url}); the agent stays in this page: navigate to that URL to continue there";
        }).ToArray();
    }

    /// <summary>Remembers which document an observation was taken of, so actions on a changed page are refused.</summary>
    internal void RememberDocument(Observation observation, string token)
    {
        lock (tokenGate)
        {
            var key = (observation.Url, observation.At);
            if (tokens.TryAdd(key, token))
            {
                tokenOrder.Enqueue(key);
                while (tokenOrder.Count > TokenMemory)
                {
                    tokens.Remove(tokenOrder.Dequeue());
                }
            }
            else
            {
                tokens[key] = token;
            }
        }
    }

    /// <summary>The document token of an observation this session took, or null.</summary>
    internal string? DocumentOf(Observation observation)
    {
        lock (tokenGate)
        {
            return tokens.GetValueOrDefault((observation.Url, observation.At));
        }
    }

    private static string Capitalize(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];

    private string SafeUrl()
    {
        try
        {
            return Page.Url;
        }
        catch (PlaywrightException)
        {
            return "(unknown URL)";
        }
    }
}
