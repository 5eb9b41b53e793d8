namespace ActionAgent.Models.Imaging;

/// <summary>How screenshots are encoded for the model.</summary>
public enum ImageFormat
{
    /// <summary>JPEG, unless the screenshot is a PNG that is already smaller (flat UI pages often are); no quality lost then.</summary>
    Auto,

    /// <summary>JPEG at <see cref="ImageOptions.JpegQuality"/>: several times smaller than PNG for page screenshots.</summary>
    Jpeg,

    /// <summary>PNG, lossless; kept as captured unless it has to be downscaled.</summary>
    Png,
}
