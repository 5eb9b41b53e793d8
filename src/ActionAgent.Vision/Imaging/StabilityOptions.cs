namespace ActionAgent.Vision.Imaging;

/// <summary>Settings of <see cref="VisualStabilityWaiter"/>.</summary>
public sealed class StabilityOptions
{
    /// <summary>Longest time to wait for the page to stop changing. Default 2 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Extra pause between two captures. Default zero: a browser screenshot waits for a fresh frame and takes
    /// 30-100 ms itself, so back-to-back captures already sample the page that far apart.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.Zero;

    /// <summary>The page is settled when two consecutive frames differ in at most this fraction of pixels. Default 0.001 (0.1 %).</summary>
    public double MaxChangedFraction { get; set; } = 0.001;
}
