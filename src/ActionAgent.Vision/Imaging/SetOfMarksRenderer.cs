using ActionAgent.Core.Perception;
using OpenCvSharp;

namespace ActionAgent.Vision.Imaging;

/// <summary>
/// Draws "set-of-marks" screenshots: every element's box in a distinct colour with a numbered tag (its
/// <see cref="UiElement.Id"/>), for model prompts and recordings; and single highlighted targets for approvals.
/// </summary>
public sealed class SetOfMarksRenderer(SetOfMarksOptions? options = null)
{
    // Distinct, saturated colours (BGR) that stay visible on light and dark pages.
    private static readonly Scalar[] Palette =
    [
        new(40, 40, 230), new(200, 120, 0), new(30, 160, 30), new(200, 0, 200), new(0, 140, 255), new(180, 160, 0),
        new(130, 0, 130), new(0, 90, 200), new(120, 120, 0), new(90, 60, 220), new(0, 170, 170), new(150, 70, 20),
    ];

    private readonly SetOfMarksOptions options = options ?? new SetOfMarksOptions();

    /// <summary>An annotated PNG copy of the screenshot; element boxes (CSS pixels) are mapped through <paramref name="geometry"/>.</summary>
    public byte[] Render(ReadOnlyMemory<byte> screenshot, IReadOnlyList<UiElement> elements, ViewportGeometry geometry)
    {
        using var image = FrameCodec.Decode(screenshot, "screenshot");
        return Render(image, elements, geometry);
    }

    /// <summary>An annotated PNG copy of a decoded screenshot (the input is not modified).</summary>
    public byte[] Render(Mat screenshot, IReadOnlyList<UiElement> elements, ViewportGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(screenshot);
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(geometry);
        using var canvas = screenshot.Clone();
        var bounds = new Rect(0, 0, canvas.Width, canvas.Height);
        using var ink = InkMap(screenshot);
        var boxes = elements
            .Select(e => (e.Id, Box: ToPixels(geometry.ToScreenshot(e.Bounds)).Intersect(bounds)))
            .Where(b => b.Box.Width > 0 && b.Box.Height > 0)
            .ToList();
        foreach (var (id, box) in boxes)
        {
            Cv2.Rectangle(canvas, box, Colour(id), options.LineThickness, LineTypes.Link8);
        }

        // Tags go where they hide the least: outside the box when possible, never on another tag if avoidable.
        var placed = new List<Rect>();
        foreach (var (id, box) in boxes)
        {
            var text = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var tag = PlaceTag(TagSize(text), box, bounds, boxes.Select(b => b.Box).Where(b => b != box).ToList(), placed, ink);
            DrawTag(canvas, text, tag, Colour(id));
            placed.Add(tag);
        }

        return FrameCodec.EncodePng(canvas, options.PngCompression);
    }

    /// <summary>A PNG copy of the screenshot with one target box (CSS pixels) highlighted and the rest dimmed, for approvals.</summary>
    public byte[] Highlight(ReadOnlyMemory<byte> screenshot, ScreenRect target, ViewportGeometry geometry, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        using var image = FrameCodec.Decode(screenshot, "screenshot");
        var box = ToPixels(geometry.ToScreenshot(target)).Intersect(new Rect(0, 0, image.Width, image.Height));
        using var dimmed = new Mat();
        // Dim everything, then restore the target so the eye goes straight to it.
        Cv2.AddWeighted(image, 0.55, image, 0, 0, dimmed);
        if (box.Width > 0 && box.Height > 0)
        {
            using var source = image[box];
            using var destination = dimmed[box];
            source.CopyTo(destination);
            var highlight = new Scalar(0, 0, 255);
            var outer = new Rect(box.X - 3, box.Y - 3, box.Width + 6, box.Height + 6);
            Cv2.Rectangle(dimmed, outer, highlight, Math.Max(3, options.LineThickness + 1), LineTypes.AntiAlias);
            if (!string.IsNullOrWhiteSpace(label))
            {
                var bounds = new Rect(0, 0, dimmed.Width, dimmed.Height);
                DrawTag(dimmed, label, PlaceTag(TagSize(label), outer, bounds, [], [], null), highlight);
            }
        }

        return FrameCodec.EncodePng(dimmed, options.PngCompression);
    }

    private static Scalar Colour(int id) => Palette[Math.Abs(id) % Palette.Length];

    private Size TagSize(string text)
    {
        var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, options.FontScale, 1, out var baseline);
        return new Size(size.Width + 6, size.Height + baseline + 4);
    }

    /// <summary>
    /// An integral image of the screenshot's edges (Canny), so the ink under a tag candidate is summed in O(1): a tag
    /// should not hide text that is no element of its own, such as a field's label in DOM perception.
    /// </summary>
    private static Mat InkMap(Mat screenshot)
    {
        using var grey = new Mat();
        if (screenshot.Channels() == 1)
        {
            screenshot.CopyTo(grey);
        }
        else
        {
            Cv2.CvtColor(screenshot, grey, screenshot.Channels() == 4 ? ColorConversionCodes.BGRA2GRAY : ColorConversionCodes.BGR2GRAY);
        }

        using var edges = new Mat();
        Cv2.Canny(grey, edges, 60, 160);

        // Long straight edges (a toolbar's border, a card's side) are layout, not ink a tag would hide: drop them.
        using var horizontal = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(25, 1));
        using var vertical = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(1, 25));
        using var lines = new Mat();
        using var upright = new Mat();
        Cv2.MorphologyEx(edges, lines, MorphTypes.Open, horizontal);
        Cv2.MorphologyEx(edges, upright, MorphTypes.Open, vertical);
        Cv2.BitwiseOr(lines, upright, lines);
        Cv2.Subtract(edges, lines, edges);
        var sum = new Mat();
        Cv2.Integral(edges, sum, MatType.CV_32S);
        return sum;
    }

    /// <summary>Edge pixels inside <paramref name="r"/> (clipped to the integral image).</summary>
    private static double Ink(Mat integral, Rect r)
    {
        int x0 = Math.Max(0, r.X), y0 = Math.Max(0, r.Y), x1 = Math.Min(integral.Cols - 1, r.Right), y1 = Math.Min(integral.Rows - 1, r.Bottom);
        if (x1 <= x0 || y1 <= y0)
        {
            return 0;
        }

        var total = integral.At<int>(y1, x1) - integral.At<int>(y0, x1) - integral.At<int>(y1, x0) + integral.At<int>(y0, x0);
        return total / 255.0;
    }

    /// <summary>
    /// Picks the tag position (above, left, above right, right, inside right, below, inside) that covers the least of
    /// other boxes, other tags and the page's own ink (text, icons; edges at the candidate's rim, such as the box's own
    /// border, do not count), weighted 1×, 3× and 4× per edge pixel.
    /// </summary>
    private static Rect PlaceTag(Size size, Rect box, Rect bounds, List<Rect> others, List<Rect> tags, Mat? ink)
    {
        Rect[] candidates =
        [
            new(box.X, box.Y - size.Height, size.Width, size.Height),
            new(box.X - size.Width, box.Y, size.Width, size.Height),
            new(box.Right - size.Width, box.Y - size.Height, size.Width, size.Height),
            new(box.Right, box.Y, size.Width, size.Height),
            new(box.Right - size.Width, box.Y, size.Width, size.Height),
            new(box.X, box.Bottom, size.Width, size.Height),
            new(box.X, box.Y, size.Width, size.Height),
        ];
        var best = candidates[^1];
        var bestCost = double.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate.X < 0 || candidate.Y < 0 || candidate.Right > bounds.Right || candidate.Bottom > bounds.Bottom)
            {
                continue;
            }

            var cost = others.Sum(o => Overlap(candidate, o)) + (3.0 * tags.Sum(t => Overlap(candidate, t))) + (ink is null ? 0 : 4.0 * Ink(ink, new Rect(candidate.X + 2, candidate.Y + 2, candidate.Width - 4, candidate.Height - 4)));
            if (cost < bestCost)
            {
                best = candidate;
                bestCost = cost;
                if (cost == 0)
                {
                    break;
                }
            }
        }

        return best;
    }

    private static double Overlap(Rect a, Rect b)
    {
        var i = a.Intersect(b);
        return i.Width > 0 && i.Height > 0 ? (double)i.Width * i.Height : 0;
    }

    private void DrawTag(Mat canvas, string text, Rect tag, Scalar colour)
    {
        Cv2.Rectangle(canvas, tag, colour, -1);
        var luminance = 0.114 * colour.Val0 + 0.587 * colour.Val1 + 0.299 * colour.Val2;
        var ink = luminance > 150 ? Scalar.Black : Scalar.White;
        var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, options.FontScale, 1, out _);
        Cv2.PutText(canvas, text, new Point(tag.X + 3, tag.Y + size.Height + 2), HersheyFonts.HersheySimplex, options.FontScale, ink, 1, LineTypes.AntiAlias);
    }

    private static Rect ToPixels(ScreenRect r) =>
        new((int)Math.Round(r.X), (int)Math.Round(r.Y), Math.Max(1, (int)Math.Round(r.Width)), Math.Max(1, (int)Math.Round(r.Height)));
}
