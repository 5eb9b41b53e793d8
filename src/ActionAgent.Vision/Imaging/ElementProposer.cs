using ActionAgent.Core.Perception;
using ActionAgent.Vision.Ocr;
using OpenCvSharp;

namespace ActionAgent.Vision.Imaging;

/// <summary>
/// Proposes buttons, inputs and checkboxes from pixels, for interfaces drawn on a canvas: Canny edges → closing →
/// contours → rectangles of plausible size and shape; small squares are checkboxes, wide boxes that are empty or
/// hold left-aligned text are inputs, the rest are buttons. OCR text inside a box becomes its text.
/// </summary>
public sealed class ElementProposer(ProposerOptions? options = null)
{
    private readonly ProposerOptions options = options ?? new ProposerOptions();

    /// <summary>Proposals in reading order, in image pixels. <paramref name="pixelRatio"/> is screenshot pixels per CSS pixel.</summary>
    public IReadOnlyList<ElementProposal> Propose(Mat bgr, IReadOnlyList<OcrLine> text, double pixelRatio = 1)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(text);
        if (bgr.Empty())
        {
            return [];
        }

        using var grey = bgr.Channels() == 1 ? bgr.Clone() : bgr.CvtColor(bgr.Channels() == 4 ? ColorConversionCodes.BGRA2GRAY : ColorConversionCodes.BGR2GRAY);
        using var edges = new Mat();
        Cv2.Canny(grey, edges, options.CannyLow, options.CannyHigh);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
        // Closing joins the two edges of a 1 px border and bridges anti-aliasing gaps at rounded corners.
        Cv2.MorphologyEx(edges, edges, MorphTypes.Close, kernel);
        Cv2.FindContours(edges, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);

        var candidates = new List<(Rect Box, double Rectangularity)>();
        foreach (var contour in contours)
        {
            var box = Cv2.BoundingRect(contour);
            if (!PlausibleSize(box, bgr.Width, pixelRatio))
            {
                continue;
            }

            var rectangularity = Cv2.ContourArea(contour) / ((double)box.Width * box.Height);
            if (rectangularity >= options.MinRectangularity)
            {
                candidates.Add((box, rectangularity));
            }
        }

        var kept = Deduplicate(candidates);
        kept = DropTextGlyphsAndContainers(kept, text);
        kept = kept.Where(k => TextLinesInside(ToScreen(k.Box), text) < options.MaxTextLinesInControl).ToList();

        var proposals = new List<ElementProposal>(kept.Count);
        foreach (var (box, rectangularity) in kept)
        {
            proposals.Add(Classify(box, rectangularity, text, edges, pixelRatio));
        }

        return ReadingOrder.Sort(proposals, p => p.Bounds);
    }

    private bool PlausibleSize(Rect box, int imageWidth, double ratio)
    {
        double w = box.Width / ratio, h = box.Height / ratio;
        var checkbox = IsSquare(w, h) && h >= options.CheckboxMinSide && h <= options.CheckboxMaxSide;
        var control = h >= options.MinControlHeight && h <= options.MaxControlHeight
            && w >= h * 0.9 && box.Width <= imageWidth * options.MaxWidthFraction;
        return checkbox || control;
    }

    private static bool IsSquare(double w, double h) => w >= h * 0.8 && w <= h * 1.25;

    /// <summary>The inner and outer outline of one border give two near-identical boxes: keep the outer one.</summary>
    private List<(Rect Box, double Rectangularity)> Deduplicate(List<(Rect Box, double Rectangularity)> candidates)
    {
        var kept = new List<(Rect Box, double Rectangularity)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Box.Width * c.Box.Height))
        {
            var box = ToScreen(candidate.Box);
            if (!kept.Any(k => ToScreen(k.Box).IoU(box) > options.DuplicateIoU))
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }

    /// <summary>Drops boxes that are glyphs inside a text line, and panels that hold two or more other proposals.</summary>
    private static List<(Rect Box, double Rectangularity)> DropTextGlyphsAndContainers(List<(Rect Box, double Rectangularity)> kept, IReadOnlyList<OcrLine> text)
    {
        var result = new List<(Rect Box, double Rectangularity)>();
        foreach (var candidate in kept)
        {
            var box = ToScreen(candidate.Box);
            if (text.Any(t => box.Intersect(t.Bounds).Area >= 0.8 * box.Area && t.Bounds.Area < 1.5 * box.Area && !Contains(box, t.Bounds)))
            {
                continue;
            }

            var inside = kept.Count(o => o.Box != candidate.Box && Contains(box, ToScreen(o.Box)) && ToScreen(o.Box).Area < 0.7 * box.Area);
            if (inside >= 2)
            {
                continue;
            }

            result.Add(candidate);
        }

        return result;
    }

    private ElementProposal Classify(Rect box, double rectangularity, IReadOnlyList<OcrLine> text, Mat edges, double ratio)
    {
        var bounds = ToScreen(box);
        var inside = text.Where(t => bounds.Contains(t.Bounds.Center.X, t.Bounds.Center.Y)).ToList();
        var label = string.Join(" ", ReadingOrder.Sort(inside, t => t.Bounds).Select(t => t.Text));
        double w = box.Width / ratio, h = box.Height / ratio;
        var shapeScore = Math.Clamp((rectangularity - options.MinRectangularity) / (1 - options.MinRectangularity), 0, 1);

        if (inside.Count == 0 && IsSquare(w, h) && h <= options.CheckboxMaxSide)
        {
            return new ElementProposal("checkbox", bounds, 0.5 + 0.3 * shapeScore) { Checked = HasMark(edges, box) };
        }

        // Alignment is judged on the main (widest) text: a trailing icon read as a glyph (a date field's calendar)
        // must not make a left-aligned value look centred.
        var main = inside.Count == 0 ? null : inside.MaxBy(t => t.Bounds.Width);
        var textLeft = main is null ? 0 : main.Bounds.X - bounds.X;
        var textRight = main is null ? 0 : bounds.Right - main.Bounds.Right;
        var leftAligned = main is not null && textRight > 2 * Math.Max(textLeft, 1) + 8;
        if (w >= options.InputMinAspect * h && (inside.Count == 0 || leftAligned))
        {
            return new ElementProposal("textbox", bounds, 0.45 + 0.3 * shapeScore) { Text = label };
        }

        return new ElementProposal("button", bounds, (label.Length > 0 ? 0.55 : 0.35) + 0.3 * shapeScore) { Text = label };
    }

    /// <summary>A check mark shows up as edges well inside the box; an empty box has edges only at its border.</summary>
    private static bool HasMark(Mat edges, Rect box)
    {
        var inset = Math.Max(2, box.Width / 4);
        var inner = new Rect(box.X + inset, box.Y + inset, box.Width - 2 * inset, box.Height - 2 * inset);
        if (inner.Width <= 0 || inner.Height <= 0)
        {
            return false;
        }

        using var region = edges[inner];
        return Cv2.CountNonZero(region) > inner.Width * inner.Height * 0.08;
    }

    /// <summary>How many text lines have their centre inside the box (a control has one label or value).</summary>
    private static int TextLinesInside(ScreenRect box, IReadOnlyList<OcrLine> text) =>
        text.Count(t => box.Contains(t.Bounds.Center.X, t.Bounds.Center.Y));

    private static bool Contains(ScreenRect outer, ScreenRect inner) =>
        inner.X >= outer.X - 1 && inner.Y >= outer.Y - 1 && inner.Right <= outer.Right + 1 && inner.Bottom <= outer.Bottom + 1;

    private static ScreenRect ToScreen(Rect r) => new(r.X, r.Y, r.Width, r.Height);
}
