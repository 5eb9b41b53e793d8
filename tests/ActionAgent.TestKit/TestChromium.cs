using ActionAgent.Browser;
using Microsoft.Playwright;

namespace ActionAgent.TestKit;

/// <summary>Launches the machine's headless Chromium the way this environment needs (the product's default flags).</summary>
public static class TestChromium
{
    /// <summary>Starts Playwright and a headless Chromium with <see cref="BrowserSettings.DefaultArgs"/> plus <paramref name="extraArgs"/>.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        var defaults = new BrowserSettings();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = defaults.ExecutablePath,
            Headless = true,
            Args = [.. BrowserSettings.DefaultArgs, .. extraArgs],
        });
        return (playwright, browser);
    }
}
