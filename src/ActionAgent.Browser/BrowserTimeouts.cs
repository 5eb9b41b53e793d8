namespace ActionAgent.Browser;

/// <summary>Time limits for browser work, in milliseconds.</summary>
public sealed class BrowserTimeouts
{
    /// <summary>Longest a navigation (navigate, go back, a click that loads a page) may take. Default 30000.</summary>
    public int NavigationMs { get; set; } = 30_000;

    /// <summary>Longest one input action (click, type, select, upload) may take. Default 10000.</summary>
    public int ActionMs { get; set; } = 10_000;

    /// <summary>Longest the executor waits after an action for the page to go quiet (network idle, DOM loaded). Default 2000.</summary>
    public int SettleMs { get; set; } = 2_000;
}
