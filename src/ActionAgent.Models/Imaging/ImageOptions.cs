namespace ActionAgent.Models.Imaging;

/// <summary>How screenshots are shrunk and encoded before they go to a model (fewer pixels = fewer image tokens).</summary>
public sealed class ImageOptions
{
    /// <summary>Widest image sent, in pixels; wider screenshots are scaled down keeping the aspect. Default 1280.</summary>
    public int MaxWidth { get; set; } = 1280;

    /// <summary>Tallest image sent, in pixels. Default 1280.</summary>
    public int MaxHeight { get; set; } = 1280;

    /// <summary>Encoding. Default <see cref="ImageFormat.Auto"/> (the smaller of JPEG and the captured PNG).</summary>
    public ImageFormat Format { get; set; } = ImageFormat.Auto;

    /// <summary>JPEG quality 1-100. Default 75 (set-of-marks digits stay readable).</summary>
    public int JpegQuality { get; set; } = 75;
}
