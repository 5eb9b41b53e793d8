using OpenCvSharp;

namespace ActionAgent.Vision.Imaging;

/// <summary>PNG/JPEG bytes ↔ BGR images.</summary>
public static class FrameCodec
{
    /// <summary>Decodes image bytes to a BGR image; returns null when the bytes are empty or not an image.</summary>
    public static Mat? TryDecode(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

        var image = Cv2.ImDecode(bytes.Span, ImreadModes.Color);
        if (image.Empty())
        {
            image.Dispose();
            return null;
        }

        return image;
    }

    /// <summary>Decodes image bytes to a BGR image, or throws <see cref="InvalidDataException"/> saying what was wrong.</summary>
    public static Mat Decode(ReadOnlyMemory<byte> bytes, string what = "image") =>
        TryDecode(bytes) ?? throw new InvalidDataException(bytes.IsEmpty
            ? $"The {what} is empty (0 bytes): nothing to decode."
            : $"The {what} ({bytes.Length:N0} bytes) is not a PNG or JPEG image OpenCV can decode.");

    /// <summary>Encodes an image as PNG; a low compression level keeps it fast (screenshots compress well anyway).</summary>
    public static byte[] EncodePng(Mat image, int compression = 1)
    {
        ArgumentNullException.ThrowIfNull(image);
        Cv2.ImEncode(".png", image, out var bytes, new ImageEncodingParam(ImwriteFlags.PngCompression, compression));
        return bytes;
    }
}
