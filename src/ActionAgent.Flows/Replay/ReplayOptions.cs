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

    /// <summary>
    /// Longest to wait after each action for the page's network to go quiet (<c>--settle-ms</c>); null uses the
    /// browser settings' <c>settleMs</c>. The replay waits for what the next step needs instead: its target and
    /// the recorded screen. Default 300 ms.
    /// </summary>
    public TimeSpan? Settle { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long a recorded target may take to appear before the step fails as missing, like Playwright's auto-wait. Default 10 s.</summary>
    public TimeSpan TargetTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long to wait, before each step, for the screen to look as it did in the recording (within
    /// <see cref="ScreenshotTolerance"/>); after that the step goes ahead and the difference is reported as drift. Default 2 s.
    /// </summary>
    public TimeSpan LookAlikeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Pause between two looks while waiting for a target or for the recorded screen. Default 50 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest a replayed step may take. Default 60 s.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
