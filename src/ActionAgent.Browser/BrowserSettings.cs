namespace ActionAgent.Browser;

/// <summary>
/// How the browser is launched and how pages are shown, read from <c>playwright.config.json</c> by
/// <see cref="BrowserSettingsLoader"/>. Every property states its default; a missing file means all defaults.
/// </summary>
public sealed class BrowserSettings
{
    /// <summary>The Chromium arguments that work in containers and CI (no sandbox, no GPU, no background traffic).</summary>
    public static IReadOnlyList<string> DefaultArgs { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Chromium to launch (JSON <c>browser.executablePath</c>). Default <c>/usr/bin/chromium</c>.</summary>
    public string ExecutablePath { get; set; } = "/usr/bin/chromium";

    /// <summary>Run without a window (JSON <c>browser.headless</c>). Default true.</summary>
    public bool Headless { get; set; } = true;

    /// <summary>Extra Chromium command-line arguments (JSON <c>browser.args</c>). Default <see cref="DefaultArgs"/>.</summary>
    public IList<string> Args { get; set; } = [.. DefaultArgs];

    /// <summary>Viewport size in CSS pixels (JSON <c>viewport</c>). Default 1280x720.</summary>
    public ViewportSettings Viewport { get; set; } = new();

    /// <summary>Device pixels per CSS pixel (JSON <c>deviceScaleFactor</c>). Default 1.</summary>
    public double DeviceScaleFactor { get; set; } = 1;

    /// <summary>Navigation, action and settle time limits (JSON <c>timeouts</c>).</summary>
    public BrowserTimeouts Timeouts { get; set; } = new();

    /// <summary>Screenshot size and format (JSON <c>screenshot</c>).</summary>
    public ScreenshotSettings Screenshot { get; set; } = new();

    /// <summary>
    /// Folders files may be uploaded from (JSON <c>uploadFolders</c>); relative ones are resolved against
    /// <see cref="BaseDirectory"/>. Default <c>["./uploads"]</c>.
    /// </summary>
    public IList<string> UploadFolders { get; set; } = ["./uploads"];

    /// <summary>
    /// Directory that relative upload folders and upload paths resolve against: the config file's folder when loaded
    /// from a file, otherwise the current directory. Default null (the current directory).
    /// </summary>
    public string? BaseDirectory { get; set; }

    /// <summary>The file these settings were read from, or null for built-in defaults.</summary>
    public string? SourcePath { get; set; }

    /// <summary>The base directory as a full path.</summary>
    public string ResolveBaseDirectory() => Path.GetFullPath(BaseDirectory ?? Environment.CurrentDirectory);

    /// <summary>The upload allow-list as full paths.</summary>
    public IReadOnlyList<string> ResolveUploadFolders()
    {
        var baseDir = ResolveBaseDirectory();
        return UploadFolders.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => Path.GetFullPath(f, baseDir)).ToArray();
    }
}
