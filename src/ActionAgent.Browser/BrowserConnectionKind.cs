namespace ActionAgent.Browser;

/// <summary>How a session gets its browser.</summary>
public enum BrowserConnectionKind
{
    /// <summary>Launch our own Chromium (headless by default) and close it at the end.</summary>
    Launch,

    /// <summary>Attach over the Chrome DevTools Protocol to a running Chromium and act in its open page; leave it running.</summary>
    Cdp,

    /// <summary>Connect to a remote Playwright browser server over a ws:// URL.</summary>
    Connect,
}
