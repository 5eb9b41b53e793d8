using System.Globalization;

namespace ActionAgent.Browser;

/// <summary>Which browser a session drives: <see cref="Launch"/>, <see cref="Cdp"/> or <see cref="Connect"/>.</summary>
public sealed record BrowserConnection
{
    private BrowserConnection(BrowserConnectionKind kind, string? endpoint)
    {
        Kind = kind;
        Endpoint = endpoint;
    }

    /// <summary>How the browser is reached.</summary>
    public BrowserConnectionKind Kind { get; }

    /// <summary>The CDP (http://host:port) or Playwright server (ws://…) URL; null for <see cref="BrowserConnectionKind.Launch"/>.</summary>
    public string? Endpoint { get; }

    /// <summary>Launch our own Chromium as the settings say.</summary>
    public static BrowserConnection Launch { get; } = new(BrowserConnectionKind.Launch, null);

    /// <summary>
    /// Attach to a running Chromium started with <c>--remote-debugging-port</c>: <paramref name="endpoint"/> is
    /// <c>http://127.0.0.1:9222</c> or just the port. The session acts in its open page and leaves it running.
    /// </summary>
    public static BrowserConnection Cdp(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        var text = endpoint.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            text = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        }
        else if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        return new BrowserConnection(BrowserConnectionKind.Cdp, text);
    }

    /// <summary>Connect to a Playwright browser server (<c>playwright run-server</c>) at a ws:// URL.</summary>
    public static BrowserConnection Connect(string wsEndpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(wsEndpoint);
        var text = wsEndpoint.Trim();
        if (!text.StartsWith("ws://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("wss://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"A Playwright server URL starts with ws:// or wss://, got \"{wsEndpoint}\".", nameof(wsEndpoint));
        }

        return new BrowserConnection(BrowserConnectionKind.Connect, text);
    }

    /// <inheritdoc />
    public override string ToString() => Endpoint is null ? Kind.ToString() : $"{Kind} {Endpoint}";
}
