namespace ActionAgent.Flows.Export;

/// <summary>Settings of <see cref="PlaywrightCSharpExporter"/>.</summary>
public sealed class PlaywrightExportOptions
{
    /// <summary>Namespace of the generated test class. Default "ActionAgent.Exported".</summary>
    public string Namespace { get; set; } = "ActionAgent.Exported";

    /// <summary>Class name; null derives it from the task ("File a refund" → FileARefundTests). Default null.</summary>
    public string? ClassName { get; set; }

    /// <summary>Environment variable with the base URL; the recorded origin is the default. Default ACTIONAGENT_BASE_URL.</summary>
    public string BaseUrlVariable { get; set; } = "ACTIONAGENT_BASE_URL";

    /// <summary>Prefix of the environment variables that hold secrets ({{secret:OPS_PASSWORD}} → ACTIONAGENT_SECRET_OPS_PASSWORD). Default ACTIONAGENT_SECRET_.</summary>
    public string SecretVariablePrefix { get; set; } = "ACTIONAGENT_SECRET_";

    /// <summary>Chromium to launch (overridable at run time with ACTIONAGENT_CHROMIUM). Default /usr/bin/chromium.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Browser arguments. Default: the sandbox-free, offline set this environment needs.</summary>
    public IReadOnlyList<string> BrowserArgs { get; set; } =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>Playwright's default timeout for each action, in milliseconds. Default 15000.</summary>
    public int ActionTimeoutMs { get; set; } = 15_000;
}
