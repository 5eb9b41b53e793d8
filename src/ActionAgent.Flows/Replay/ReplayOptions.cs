using ActionAgent.Core.Runtime;

namespace ActionAgent.Flows.Replay;

/// <summary>Settings of <see cref="ReplayRunner"/> (<c>actionagent replay</c> options).</summary>
public sealed class ReplayOptions
{
    /// <summary>Origin to replay against instead of the recorded one (<c>--base-url</c>); null keeps the recorded URLs. Default null.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Fraction of differing screenshot pixels still counted as the same screen. Default 0.01.</summary>
    public double ScreenshotTolerance { get; set; } = 0.01;

    /// <summary>Folder for the replay's own recording; null records nothing. Default "recordings".</summary>
    public string? RecordingsRoot { get; set; } = "recordings";

    /// <summary>Longest a replayed step may take. Default 60 s.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
