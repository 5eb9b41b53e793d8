using ActionAgent.Core.Perception;
using OpenCvSharp;

namespace ActionAgent.Vision.Imaging;

/// <summary>
/// Finds what changed between two frames: absolute difference → threshold → dilate → contours → boxes, merged when
/// they touch. Frames of different sizes count as entirely changed.
/// </summary>
public sealed class ChangeDetector(ChangeDetectorOptions? options = null)
{
    private readonly ChangeDetectorOptions options = options ?? new ChangeDetectorOptions();

    /// <summary>The fraction of changed pixels only (cheaper than <see cref="Detect"/>: no contours).</summary>
    public double ChangedFraction(Mat before, Mat after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Size() != after.Size() || before.Type() != after.Type())
        {
            return 1;
        }

        using var mask = ChangedMask(before, after);
        return (double)Cv2.CountNonZero(mask) / ((double)mask.Rows * mask.Cols);
    }

    /// <summary>The changed fraction and the changed regions, in reading order.</summary>
    public FrameChange Detect(Mat before, Mat after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Size() != after.Size() || before.Type() != after.Type())
        {
            return new FrameChange(1, [new ScreenRect(0, 0, after.Width, after.Height)]);
        }

        using var mask = ChangedMask(before, after);
        var changed = Cv2.CountNonZero(mask);
        if (changed == 0)
        {
            return FrameChange.None;
        }

        var size = Math.Max(1, options.DilateSize);
        var boxes = Blobs(mask, new Size(size, size))
            .Where(r => r.Width * r.Height >= options.MinRegionArea)
            .ToList();
        var merged = RectMerger.Merge(boxes, options.MergeDistance);
        var regions = ReadingOrder.Sort(merged.Select(r => new ScreenRect(r.X, r.Y, r.Width, r.Height)), r => r);
        return new FrameChange((double)changed / ((double)mask.Rows * mask.Cols), regions);
    }

    /// <summary>
    /// The boxes around the marked pixels of a mask once each is grown by a rectangle of the given size (marks that
    /// touch after growing are one box). The mask itself is left as it is.
    /// </summary>
    public static List<Rect> Blobs(Mat mask, Size grow)
    {
        ArgumentNullException.ThrowIfNull(mask);
        using var grown = new Mat();
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, grow);
        Cv2.Dilate(mask, grown, kernel);
        Cv2.FindContours(grown, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        return contours.Select(Cv2.BoundingRect).ToList();
    }

    /// <summary>The changed pixels (255) of two frames of the same size and type; the caller disposes it.</summary>
    public Mat ChangedMaskOf(Mat before, Mat after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return ChangedMask(before, after);
    }

    private Mat ChangedMask(Mat before, Mat after)
    {
        using var diff = new Mat();
        Cv2.Absdiff(before, after, diff);
        var grey = diff;
        if (diff.Channels() > 1)
        {
            // The largest channel difference: a change of hue alone still counts.
            Cv2.Split(diff, out var channels);
            grey = channels[0];
            for (var c = 1; c < Math.Min(3, channels.Length); c++)
            {
                Cv2.Max(grey, channels[c], grey);
            }

            foreach (var channel in channels.Skip(1))
            {
                channel.Dispose();
            }
        }

        var mask = new Mat();
        Cv2.Threshold(grey, mask, options.PixelThreshold, 255, ThresholdTypes.Binary);
        if (!ReferenceEquals(grey, diff))
        {
            grey.Dispose();
        }

        return mask;
    }
}
