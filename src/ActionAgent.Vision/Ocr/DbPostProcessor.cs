using OpenCvSharp;

namespace ActionAgent.Vision.Ocr;

/// <summary>
/// DB (differentiable binarisation) post-processing as in PaddleOCR: probability map → binary map → contours →
/// minimum-area boxes → mean-probability filter → unclip (grow the shrunk kernel back) → image coordinates.
/// </summary>
internal static class DbPostProcessor
{
    /// <summary>Text boxes (axis-aligned, image pixels) from a probability map whose top-left <paramref name="valid"/> area covers the image.</summary>
    public static List<Rect> Boxes(Mat probability, Size valid, double scaleX, double scaleY, Size image, OcrOptions options)
    {
        var result = new List<Rect>();
        using var prob = probability[new Rect(0, 0, valid.Width, valid.Height)];
        using var binary = new Mat();
        using var bitmap = new Mat();
        Cv2.Threshold(prob, binary, options.BinaryThreshold, 255, ThresholdTypes.Binary);
        binary.ConvertTo(bitmap, MatType.CV_8UC1);
        Cv2.FindContours(bitmap, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);

        const float minSide = 3;
        foreach (var contour in contours.Take(options.MaxCandidates))
        {
            if (contour.Length < 2)
            {
                continue;
            }

            var box = Cv2.MinAreaRect(contour);
            if (Math.Min(box.Size.Width, box.Size.Height) < minSide)
            {
                continue;
            }

            if (BoxScore(prob, box) < options.BoxScoreThreshold)
            {
                continue;
            }

            // Unclip: grow every side by area × ratio / perimeter, which is what a polygon offset of the rectangle gives.
            var w = box.Size.Width;
            var h = box.Size.Height;
            var distance = w * h * options.UnclipRatio / (2 * (w + h));
            var grown = new RotatedRect(box.Center, new Size2f(w + 2 * distance, h + 2 * distance), box.Angle);
            if (Math.Min(grown.Size.Width, grown.Size.Height) < minSide + 2)
            {
                continue;
            }

            var points = grown.Points();
            var x1 = Math.Clamp(points.Min(p => p.X) * scaleX, 0, image.Width);
            var y1 = Math.Clamp(points.Min(p => p.Y) * scaleY, 0, image.Height);
            var x2 = Math.Clamp(points.Max(p => p.X) * scaleX, 0, image.Width);
            var y2 = Math.Clamp(points.Max(p => p.Y) * scaleY, 0, image.Height);
            var rect = new Rect((int)Math.Floor(x1), (int)Math.Floor(y1), (int)Math.Ceiling(x2 - Math.Floor(x1)), (int)Math.Ceiling(y2 - Math.Floor(y1)));
            rect = rect.Intersect(new Rect(0, 0, image.Width, image.Height));
            if (rect.Width >= 2 && rect.Height >= 2)
            {
                result.Add(rect);
            }
        }

        return result;
    }

    /// <summary>Mean probability inside the rotated box (PaddleOCR's "fast" score).</summary>
    private static double BoxScore(Mat prob, RotatedRect box)
    {
        var points = box.Points();
        var xmin = Math.Clamp((int)Math.Floor(points.Min(p => p.X)), 0, prob.Cols - 1);
        var xmax = Math.Clamp((int)Math.Ceiling(points.Max(p => p.X)), 0, prob.Cols - 1);
        var ymin = Math.Clamp((int)Math.Floor(points.Min(p => p.Y)), 0, prob.Rows - 1);
        var ymax = Math.Clamp((int)Math.Ceiling(points.Max(p => p.Y)), 0, prob.Rows - 1);
        var roi = new Rect(xmin, ymin, xmax - xmin + 1, ymax - ymin + 1);
        using var mask = new Mat(roi.Height, roi.Width, MatType.CV_8UC1, Scalar.All(0));
        var polygon = points.Select(p => new Point((int)Math.Round(p.X - xmin), (int)Math.Round(p.Y - ymin))).ToArray();
        Cv2.FillPoly(mask, [polygon], Scalar.All(1));
        using var region = prob[roi];
        return Cv2.Mean(region, mask).Val0;
    }
}
