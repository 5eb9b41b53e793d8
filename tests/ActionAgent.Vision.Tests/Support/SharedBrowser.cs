using ActionAgent.TestKit;
using Microsoft.Playwright;

namespace ActionAgent.Vision.Tests.Support;

/// <summary>One headless Chromium for all browser tests, launched on first use as this environment needs it.</summary>
internal static class SharedBrowser
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    /// <summary>A new page in a fresh 1280x720 context (device scale factor 1).</summary>
    public static async Task<IPage> NewPageAsync(int width = 1280, int height = 720)
    {
        await Gate.WaitAsync();
        try
        {
            if (browser is null)
            {
                (playwright, browser) = await TestChromium.LaunchAsync("--hide-scrollbars");
            }
        }
        finally
        {
            Gate.Release();
        }

        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Closes the browser if it was started.</summary>
    public static async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
