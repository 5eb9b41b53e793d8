using SkiaSharp;

namespace ActionAgent.Models.Imaging;

/// <summary>Downscales and re-encodes screenshots (SkiaSharp) as <see cref="ImageOptions"/> say.</summary>
public sealed class ScreenshotEncoder(ImageOptions options)
{
    private readonly ImageOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>An encoder with default options (JPEG 75 unless the PNG is smaller, at most 1280×1280).</summary>
    public ScreenshotEncoder()
        : this(new ImageOptions())
    {
    }

    /// <summary>
    /// The screenshot as it should be sent, or null when there is none. An image Skia cannot decode is passed on unchanged.
    /// </summary>
    public EncodedImage? Encode(ReadOnlyMemory<byte> screenshot)
    {
        if (screenshot.IsEmpty)
        {
            return null;
        }

        ImageDimensions.TryRead(screenshot.Span, out var width, out var height);
        var mediaType = ImageDimensions.MediaType(screenshot.Span);
        var (targetW, targetH) = Fit(width, height);
        var resize = width > 0 && (targetW != width || targetH != height);
        var keep = !resize && _options.Format switch
        {
            ImageFormat.Png => mediaType == "image/png",
            _ => mediaType == "image/jpeg",
        };
        if (keep)
        {
            return new EncodedImage(screenshot, mediaType, width, height);
        }

        using var decoded = SKBitmap.Decode(screenshot.ToArray());
        if (decoded is null)
        {
            return new EncodedImage(screenshot, mediaType, width, height);
        }

        (targetW, targetH) = Fit(decoded.Width, decoded.Height);
        using var scaled = targetW == decoded.Width && targetH == decoded.Height
            ? null
            : decoded.Resize(new SKImageInfo(targetW, targetH), new SKSamplingOptions(SKCubicResampler.Mitchell));
        var bitmap = scaled ?? decoded;
        var format = _options.Format == ImageFormat.Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        using var data = bitmap.Encode(format, Math.Clamp(_options.JpegQuality, 1, 100));
        if (_options.Format == ImageFormat.Auto && !resize && mediaType == "image/png" && data.Size >= screenshot.Length)
        {
            return new EncodedImage(screenshot, mediaType, width, height);
        }

        return new EncodedImage(data.ToArray(), format == SKEncodedImageFormat.Png ? "image/png" : "image/jpeg", bitmap.Width, bitmap.Height);
    }

    private (int Width, int Height) Fit(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            return (width, height);
        }

        var scale = Math.Min(1.0, Math.Min((double)_options.MaxWidth / width, (double)_options.MaxHeight / height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }
}
