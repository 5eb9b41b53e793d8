using Microsoft.Playwright;

namespace ActionAgent.Approvals.Tests.Fakes;

/// <summary>Launches the machine's headless Chromium the way this environment needs.</summary>
public static class Chromium
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", .. extraArgs],
        });
        return (playwright, browser);
    }
}
