namespace ActionAgent.Vision.Imaging;

/// <summary>Settings of <see cref="ChangeDetector"/>.</summary>
public sealed class ChangeDetectorOptions
{
    /// <summary>Grey-level difference (0..255) above which a pixel counts as changed. Default 24.</summary>
    public int PixelThreshold { get; set; } = 24;

    /// <summary>Size of the square dilation that joins nearby changed pixels into regions, in pixels. Default 9.</summary>
    public int DilateSize { get; set; } = 9;

    /// <summary>Regions closer than this many pixels are merged into one. Default 8.</summary>
    public int MergeDistance { get; set; } = 8;

    /// <summary>Regions smaller than this many pixels in area (after dilation) are ignored as noise. Default 16.</summary>
    public int MinRegionArea { get; set; } = 16;
}
