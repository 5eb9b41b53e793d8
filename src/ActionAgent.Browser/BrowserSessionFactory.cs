using System.Text.Json;
using ActionAgent.Browser.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

/// <summary>Opens a <see cref="BrowserSession"/>: launches Chromium, attaches over CDP, or connects to a Playwright server.</summary>
public static class BrowserSessionFactory
{
    /// <summary>Opens a session as <paramref name="connection"/> says.</summary>
    /// <exception cref="BrowserSessionException">Chromium is missing or failed to start, or the endpoint cannot be reached.</exception>
    public static async Task<BrowserSession> OpenAsync(
        BrowserSettings settings, BrowserConnection connection, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(connection);
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger(typeof(BrowserSessionFactory));
        if (connection.Kind == BrowserConnectionKind.Launch && !File.Exists(settings.ExecutablePath))
        {
            throw new BrowserSessionException(
                $"Chromium not found at {settings.ExecutablePath}. Install it with `sudo apt-get install chromium` (or run scripts/setup.sh), or set browser.executablePath in playwright.config.json.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        IPlaywright playwright;
        try
        {
            playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or IOException or InvalidOperationException)
        {
            throw new BrowserSessionException($"The Playwright driver could not start: {FirstLine(e)}. Rebuild the project so the driver is copied next to the program (bin/.../.playwright).", e);
        }

        try
        {
            var (browser, context, page) = connection.Kind switch
            {
                BrowserConnectionKind.Launch => await LaunchAsync(playwright, settings).ConfigureAwait(false),
                BrowserConnectionKind.Cdp => await AttachAsync(playwright, settings, connection.Endpoint!).ConfigureAwait(false),
                BrowserConnectionKind.Connect => await ConnectAsync(playwright, settings, connection.Endpoint!).ConfigureAwait(false),
                _ => throw new ArgumentOutOfRangeException(nameof(connection), connection.Kind, "Unknown connection kind."),
            };
            context.SetDefaultTimeout(settings.Timeouts.ActionMs);
            context.SetDefaultNavigationTimeout(settings.Timeouts.NavigationMs);
            logger.LogInformation("Browser session open ({Connection}, Chromium {Version})", connection.ToString(), browser.Version);
            var session = new BrowserSession(playwright, browser, context, page, settings, connection, loggerFactory, TimeProvider.System);
            // Documents opened from now on tell the page's own timers from the action's (see Scripts/page-timers.js).
            await context.AddInitScriptAsync(PageScript.TimersFor(session.ScriptKey)).ConfigureAwait(false);
            return session;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    private static async Task<(IBrowser, IBrowserContext, IPage)> LaunchAsync(IPlaywright playwright, BrowserSettings settings)
    {
        IBrowser browser;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = settings.ExecutablePath,
                Headless = settings.Headless,
                Args = settings.Args,
                Timeout = settings.Timeouts.NavigationMs,
            }).ConfigureAwait(false);
        }
        catch (PlaywrightException e)
        {
            throw new BrowserSessionException(
                $"Chromium at {settings.ExecutablePath} failed to start: {FirstLine(e)}. Check that it runs (`{settings.ExecutablePath} --version`) and that browser.args in playwright.config.json suit this machine (--no-sandbox when running as root).",
                e);
        }

        try
        {
            var context = await browser.NewContextAsync(ContextOptions(settings)).ConfigureAwait(false);
            return (browser, context, await context.NewPageAsync().ConfigureAwait(false));
        }
        catch
        {
            await browser.CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<(IBrowser, IBrowserContext, IPage)> AttachAsync(IPlaywright playwright, BrowserSettings settings, string endpoint)
    {
        IBrowser browser;
        try
        {
            browser = await playwright.Chromium.ConnectOverCDPAsync(endpoint, new BrowserTypeConnectOverCDPOptions
            {
                Timeout = Math.Min(settings.Timeouts.NavigationMs, 15_000),
            }).ConfigureAwait(false);
        }
        catch (PlaywrightException e)
        {
            throw new BrowserSessionException(
                $"Could not attach to Chromium over CDP at {endpoint}: {FirstLine(e)}. Start Chromium with --remote-debugging-port=PORT and pass the same port (for example --cdp http://127.0.0.1:9222), and check it is still running.",
                e);
        }

        // Act in the page the person already has open: the first page of the first context.
        var context = browser.Contexts.Count > 0 ? browser.Contexts[0] : await browser.NewContextAsync().ConfigureAwait(false);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync().ConfigureAwait(false);
        return (browser, context, page);
    }

    private static async Task<(IBrowser, IBrowserContext, IPage)> ConnectAsync(IPlaywright playwright, BrowserSettings settings, string endpoint)
    {
        // A Playwright run-server launches the browser itself; these options tell it which Chromium and how.
        var launchOptions = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["executablePath"] = settings.ExecutablePath,
            ["headless"] = settings.Headless,
            ["args"] = settings.Args,
        });
        IBrowser browser;
        try
        {
            browser = await playwright.Chromium.ConnectAsync(endpoint, new BrowserTypeConnectOptions
            {
                Timeout = Math.Min(settings.Timeouts.NavigationMs, 30_000),
                Headers = new Dictionary<string, string> { ["x-playwright-launch-options"] = launchOptions },
            }).ConfigureAwait(false);
        }
        catch (PlaywrightException e)
        {
            var hint = e.Message.Contains("Executable doesn't exist", StringComparison.Ordinal)
                ? " The server ignored browser.executablePath: start it with `playwright run-server --port PORT --unsafe` so clients may choose the executable and args, or install Playwright's browsers on the server host."
                : " Start one with `playwright run-server --port PORT --unsafe` (same Playwright version, 1.64) and check the URL.";
            throw new BrowserSessionException($"Could not connect to the Playwright browser server at {endpoint}: {FirstLine(e)}.{hint}", e);
        }

        try
        {
            var context = await browser.NewContextAsync(ContextOptions(settings)).ConfigureAwait(false);
            return (browser, context, await context.NewPageAsync().ConfigureAwait(false));
        }
        catch
        {
            await browser.CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static BrowserNewContextOptions ContextOptions(BrowserSettings settings) => new()
    {
        ViewportSize = new ViewportSize { Width = settings.Viewport.Width, Height = settings.Viewport.Height },
        DeviceScaleFactor = (float)settings.DeviceScaleFactor,
        Locale = "en-US",
    };

    private static string FirstLine(Exception e)
    {
        var line = e.Message.Split('\n', 2)[0].Trim();
        return line.TrimEnd('.');
    }
}
