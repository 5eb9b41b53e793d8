using ActionAgent.Core.Perception;
using OpenCvSharp;

namespace ActionAgent.Vision.Imaging;

/// <summary>Cuts rectangles (image pixels) out of encoded images, clipped to the image.</summary>
public static class ImageCropper
{
    /// <summary>
    /// The part of <paramref name="rect"/> inside the image, as PNG; empty when the bytes are not an image or nothing of
    /// the rectangle lies inside it. Fractional edges are rounded to the nearest pixel.
    /// </summary>
    public static byte[] Crop(ReadOnlyMemory<byte> image, ScreenRect rect)
    {
        using var decoded = ImageDiff.SafeDecode(image);
        if (decoded is null || Clip(rect, decoded.Width, decoded.Height) is not { } clipped)
        {
            return [];
        }

        using var region = new Mat(decoded, clipped);
        return FrameCodec.EncodePng(region);
    }

    /// <summary>The rectangle rounded to whole pixels and clipped to a <paramref name="width"/>x<paramref name="height"/> image, or null when nothing remains.</summary>
    public static Rect? Clip(ScreenRect rect, int width, int height)
    {
        if (!double.IsFinite(rect.X) || !double.IsFinite(rect.Y) || !double.IsFinite(rect.Width) || !double.IsFinite(rect.Height))
        {
            return null;
        }

        var left = Math.Clamp(Math.Round(rect.X), 0, width);
        var top = Math.Clamp(Math.Round(rect.Y), 0, height);
        var right = Math.Clamp(Math.Round(rect.Right), 0, width);
        var bottom = Math.Clamp(Math.Round(rect.Bottom), 0, height);
        return right > left && bottom > top
            ? new Rect((int)left, (int)top, (int)(right - left), (int)(bottom - top))
            : null;
    }
}
