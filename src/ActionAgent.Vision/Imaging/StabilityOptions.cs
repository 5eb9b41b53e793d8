namespace ActionAgent.Vision.Imaging;

/// <summary>Settings of <see cref="VisualStabilityWaiter"/>.</summary>
public sealed class StabilityOptions
{
    /// <summary>Longest time to wait for the page to stop changing. Default 2 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Pause between two captures (a browser screenshot itself takes tens of milliseconds more). Default 25 ms.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>The page is settled when two consecutive frames differ in at most this fraction of pixels. Default 0.001 (0.1 %).</summary>
    public double MaxChangedFraction { get; set; } = 0.001;
}
