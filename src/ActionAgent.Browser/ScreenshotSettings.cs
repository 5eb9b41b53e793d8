namespace ActionAgent.Browser;

/// <summary>How observation screenshots are taken.</summary>
public sealed class ScreenshotSettings
{
    /// <summary>
    /// Widest screenshot in pixels; a viewport wider than this (after the device scale factor) is downscaled, and
    /// the observation's geometry records the scale. Default 1280.
    /// </summary>
    public int MaxWidth { get; set; } = 1280;

    /// <summary>Image format; only "png" is supported. Default "png".</summary>
    public string Format { get; set; } = "png";
}
