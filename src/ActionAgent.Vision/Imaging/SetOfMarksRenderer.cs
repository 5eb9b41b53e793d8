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
        foreach (var element in elements)
        {
            var box = ToPixels(geometry.ToScreenshot(element.Bounds)).Intersect(bounds);
            if (box.Width <= 0 || box.Height <= 0)
            {
                continue;
            }

            var colour = Palette[Math.Abs(element.Id) % Palette.Length];
            Cv2.Rectangle(canvas, box, colour, options.LineThickness, LineTypes.Link8);
            DrawTag(canvas, element.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), box, colour);
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
                DrawTag(dimmed, label, outer, highlight);
            }
        }

        return FrameCodec.EncodePng(dimmed, options.PngCompression);
    }

    private void DrawTag(Mat canvas, string text, Rect box, Scalar colour)
    {
        const HersheyFonts font = HersheyFonts.HersheySimplex;
        var size = Cv2.GetTextSize(text, font, options.FontScale, 1, out var baseline);
        var tagWidth = size.Width + 6;
        var tagHeight = size.Height + baseline + 4;
        // Above the box's top-left corner when there is room, else just inside it.
        var y = box.Y - tagHeight >= 0 ? box.Y - tagHeight : box.Y;
        var x = Math.Clamp(box.X, 0, Math.Max(0, canvas.Width - tagWidth));
        var tag = new Rect(x, y, tagWidth, tagHeight);
        Cv2.Rectangle(canvas, tag, colour, -1);
        var luminance = 0.114 * colour.Val0 + 0.587 * colour.Val1 + 0.299 * colour.Val2;
        var ink = luminance > 150 ? Scalar.Black : Scalar.White;
        Cv2.PutText(canvas, text, new Point(x + 3, y + size.Height + 2), font, options.FontScale, ink, 1, LineTypes.AntiAlias);
    }

    private static Rect ToPixels(ScreenRect r) =>
        new((int)Math.Round(r.X), (int)Math.Round(r.Y), Math.Max(1, (int)Math.Round(r.Width)), Math.Max(1, (int)Math.Round(r.Height)));
}
