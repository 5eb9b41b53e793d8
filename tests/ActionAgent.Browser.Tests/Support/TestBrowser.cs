namespace ActionAgent.Browser.Tests.Support;

/// <summary>Opens real headless Chromium sessions for tests (the machine's /usr/bin/chromium).</summary>
public static class TestBrowser
{
    public static Task<BrowserSession> OpenAsync(Action<BrowserSettings>? configure = null)
    {
        var settings = new BrowserSettings();
        settings.Timeouts.SettleMs = 1000;
        settings.Timeouts.NavigationMs = 10_000;
        configure?.Invoke(settings);
        return BrowserSessionFactory.OpenAsync(settings, BrowserConnection.Launch);
    }
}
