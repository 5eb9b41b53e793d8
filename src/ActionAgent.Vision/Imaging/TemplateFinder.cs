using ActionAgent.Core.Perception;
using OpenCvSharp;

namespace ActionAgent.Vision.Imaging;

/// <summary>
/// Finds a small image (a target's crop) in a screenshot: grey levels, normalised cross-correlation
/// (<see cref="TemplateMatchModes.CCoeffNormed"/>), best location. Returns null rather than a poor match: below
/// <paramref name="minimumScore"/>, for a flat template (one colour matches anywhere), a template larger than the
/// screenshot, or bytes that are not images.
/// </summary>
/// <param name="minimumScore">Lowest correlation (0..1) reported as a match. Default 0.8.</param>
public sealed class TemplateFinder(double minimumScore = TemplateFinder.DefaultMinimumScore)
{
    /// <summary>The default lowest score.</summary>
    public const double DefaultMinimumScore = 0.8;

    /// <summary>Templates whose grey levels vary less than this (standard deviation) are flat and never match.</summary>
    public const double MinimumTemplateDeviation = 2.0;

    /// <summary>A shared instance with the default score.</summary>
    public static TemplateFinder Default { get; } = new();

    /// <summary>The best match of the encoded <paramref name="template"/> in the encoded <paramref name="screenshot"/>, or null.</summary>
    public TemplateHit? Find(ReadOnlyMemory<byte> screenshot, ReadOnlyMemory<byte> template)
    {
        using var screen = DecodeGrey(screenshot);
        using var patch = DecodeGrey(template);
        return screen is null || patch is null ? null : FindGrey(screen, patch);
    }

    /// <summary>The best match of <paramref name="template"/> in <paramref name="screenshot"/> (any 8-bit images; colour is converted to grey), or null.</summary>
    public TemplateHit? Find(Mat screenshot, Mat template)
    {
        ArgumentNullException.ThrowIfNull(screenshot);
        ArgumentNullException.ThrowIfNull(template);
        if (screenshot.Empty() || template.Empty())
        {
            return null;
        }

        using var screen = Grey(screenshot);
        using var patch = Grey(template);
        return FindGrey(screen, patch);
    }

    private TemplateHit? FindGrey(Mat screen, Mat patch)
    {
        if (patch.Width > screen.Width || patch.Height > screen.Height)
        {
            return null;
        }

        Cv2.MeanStdDev(patch, out _, out var deviation);
        if (deviation.Val0 < MinimumTemplateDeviation)
        {
            return null;
        }

        using var scores = new Mat();
        Cv2.MatchTemplate(screen, patch, scores, TemplateMatchModes.CCoeffNormed);
        Cv2.MinMaxLoc(scores, out _, out double best, out _, out Point at);
        if (!double.IsFinite(best) || best < minimumScore)
        {
            return null;
        }

        return new TemplateHit(new ScreenRect(at.X, at.Y, patch.Width, patch.Height), Math.Clamp(best, 0, 1));
    }

    private static Mat? DecodeGrey(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

        Mat image;
        try
        {
            image = Cv2.ImDecode(bytes.Span, ImreadModes.Grayscale);
        }
        catch (OpenCVException)
        {
            return null;
        }

        if (image.Empty())
        {
            image.Dispose();
            return null;
        }

        return image;
    }

    /// <summary>A grey copy (or clone) of an 8-bit image with 1, 3 or 4 channels.</summary>
    private static Mat Grey(Mat image)
    {
        var grey = new Mat();
        switch (image.Channels())
        {
            case 1:
                image.CopyTo(grey);
                break;
            case 4:
                Cv2.CvtColor(image, grey, ColorConversionCodes.BGRA2GRAY);
                break;
            default:
                Cv2.CvtColor(image, grey, ColorConversionCodes.BGR2GRAY);
                break;
        }

        return grey;
    }
}
