using OpenCvSharp;

namespace ActionAgent.Vision.Imaging;

/// <summary>
/// Compares two images pixel by pixel: a pixel differs when its largest channel difference exceeds
/// <paramref name="pixelThreshold"/> (so PNG/JPEG noise and antialiasing do not count). Images of different sizes, or
/// bytes that are not an image, count as entirely different. Never throws for bad input.
/// </summary>
/// <param name="pixelThreshold">Largest channel difference (0..255) still counted as the same pixel. Default 24.</param>
public sealed class ImageDiff(int pixelThreshold = ImageDiff.DefaultPixelThreshold)
{
    /// <summary>The default per-channel tolerance, in grey levels.</summary>
    public const int DefaultPixelThreshold = 24;

    /// <summary>OpenCV's IMWRITE_PNG_FILTER (4.11+), which this OpenCvSharp version has no name for.</summary>
    private const ImwriteFlags PngFilter = (ImwriteFlags)19;

    /// <summary>IMWRITE_PNG_FILTER_SUB.</summary>
    private const int PngFilterSub = 16;

    /// <summary>Below this many encoded bytes (both images) decoding in parallel costs more than it saves.</summary>
    private const int ParallelDecodeBytes = 32 * 1024;

    private readonly int _threshold = Math.Clamp(pixelThreshold, 0, 255);

    /// <summary>A shared instance with the default threshold.</summary>
    public static ImageDiff Default { get; } = new();

    /// <summary>
    /// Compares encoded images (PNG or JPEG). Identical bytes are identical images without decoding; otherwise both are
    /// decoded once (in parallel) and compared. With <paramref name="diffImage"/> false no diff PNG is encoded (encoding
    /// it costs about as much as decoding one screenshot; pass false when only the fraction matters).
    /// </summary>
    public ImageDifference Compare(ReadOnlyMemory<byte> expected, ReadOnlyMemory<byte> actual, bool diffImage = true)
    {
        if (expected.Length == actual.Length && LooksLikeImage(expected.Span) && expected.Span.SequenceEqual(actual.Span))
        {
            return ImageDifference.None;
        }

        // Decoding dominates (two 1280x720 screenshots, ~7 ms each): decode both at once. Parallel.Invoke runs one on the
        // calling thread and inlines the other when no worker is free, so a busy thread pool cannot stall it.
        // Small images (region crops) are not worth a second thread.
        Mat? expectedDecoded = null, actualDecoded = null;
        if (expected.Length + actual.Length < ParallelDecodeBytes)
        {
            expectedDecoded = SafeDecode(expected);
            actualDecoded = SafeDecode(actual);
        }
        else
        {
            Parallel.Invoke(() => expectedDecoded = SafeDecode(expected), () => actualDecoded = SafeDecode(actual));
        }

        using var expectedImage = expectedDecoded;
        using var actualImage = actualDecoded;
        if (expectedImage is null || actualImage is null)
        {
            var problem = expectedImage is null && actualImage is null ? "neither image could be decoded"
                : expectedImage is null ? "the expected image could not be decoded" : "the actual image could not be decoded";
            return new ImageDifference(1) { SameSize = false, Problem = problem };
        }

        return Compare(expectedImage, actualImage, diffImage);
    }

    /// <summary>Compares two decoded 8-bit BGR images (as <see cref="FrameCodec"/> decodes them).</summary>
    /// <exception cref="ArgumentException">An image is not 8-bit with three channels.</exception>
    public ImageDifference Compare(Mat expected, Mat actual, bool diffImage = true)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Type() != MatType.CV_8UC3 || actual.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"Both images must be 8-bit BGR (CV_8UC3); got {expected.Type()} and {actual.Type()}.", nameof(actual));
        }

        if (expected.Size() != actual.Size())
        {
            return new ImageDifference(1) { SameSize = false };
        }

        var total = (long)actual.Rows * actual.Cols;
        if (total == 0)
        {
            return ImageDifference.None;
        }

        using var diff = new Mat();
        Cv2.Absdiff(expected, actual, diff);

        // 255 where every channel is within the threshold: one pass gives "largest channel difference <= threshold".
        using var same = new Mat();
        Cv2.InRange(diff, Scalar.All(0), Scalar.All(_threshold), same);
        var differing = total - Cv2.CountNonZero(same);
        if (differing == 0)
        {
            return ImageDifference.None;
        }

        var result = new ImageDifference((double)differing / total) { DifferingPixels = differing };
        return diffImage ? result with { DiffPng = DiffPicture(actual, same) } : result;
    }

    /// <summary>The actual image faded toward white, differing pixels painted red, as PNG.</summary>
    private static byte[] DiffPicture(Mat actual, Mat same)
    {
        using var picture = new Mat();
        actual.ConvertTo(picture, -1, 0.35, 255 * 0.65);
        using var differs = new Mat();
        Cv2.BitwiseNot(same, differs);
        picture.SetTo(Scalar.Red, differs);

        // The "sub" row filter alone instead of libpng's adaptive choice: several times faster, a little larger.
        Cv2.ImEncode(".png", picture, out var png, new ImageEncodingParam(ImwriteFlags.PngCompression, 1), new ImageEncodingParam(PngFilter, PngFilterSub));
        return png;
    }

    /// <summary>Decodes, or null for anything that is not an image (some corrupt headers make OpenCV throw).</summary>
    internal static Mat? SafeDecode(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return FrameCodec.TryDecode(bytes);
        }
        catch (OpenCVException)
        {
            return null;
        }
    }

    /// <summary>True for the PNG or JPEG signature (identical bytes of anything else are not an identical image).</summary>
    private static bool LooksLikeImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);
}
