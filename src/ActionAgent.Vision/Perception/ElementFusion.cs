using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Ocr;

namespace ActionAgent.Vision.Perception;

/// <summary>
/// Merges DOM elements, OCR text lines and shape proposals (all already in CSS pixels) into one element list.
/// Pure functions: the perceiver does the pixel work, this decides what is the same thing.
/// </summary>
internal static class ElementFusion
{
    private static readonly HashSet<string> PixelOnlyTags = new(StringComparer.OrdinalIgnoreCase) { "canvas", "img", "svg", "video", "object", "embed", "picture" };
    private static readonly HashSet<string> PixelOnlyRoles = new(StringComparer.OrdinalIgnoreCase) { "canvas", "image", "img" };

    /// <summary>Pixels only: proposals (named by the text inside or next to them) and the remaining text lines, ids 1.. in reading order.</summary>
    public static List<UiElement> VisionOnly(IReadOnlyList<OcrLine> text, IReadOnlyList<ElementProposal> proposals)
    {
        var absorbed = new HashSet<OcrLine>();
        var drafts = PixelElements(proposals, text, absorbed);
        drafts.AddRange(text.Where(t => !absorbed.Contains(t)).Select(TextElement));
        return Number(ReadingOrder.Sort(drafts, e => e.Bounds), 1);
    }

    /// <summary>
    /// DOM elements first (ids kept); OCR text inside an unlabeled DOM element names it (Source Dom|Ocr); text and
    /// shapes inside canvases and images, or text the DOM does not show, become new elements with ids after the DOM's.
    /// </summary>
    public static (List<UiElement> Elements, List<string> AddedText) Hybrid(
        IReadOnlyList<UiElement> dom, IReadOnlyList<OcrLine> text, IReadOnlyList<ElementProposal> proposals, string domVisibleText, FusedPerceptionOptions options)
    {
        var elements = dom.ToList();
        var containers = dom.Where(IsPixelOnly).ToList();
        var absorbed = new HashSet<OcrLine>();
        var named = new Dictionary<int, List<OcrLine>>();

        foreach (var line in text)
        {
            var (cx, cy) = line.Bounds.Center;
            var host = dom.Where(e => e.Bounds.Contains(cx, cy)).MinBy(e => e.Bounds.Area);
            if (host is not null && (IsPixelOnly(host) || string.IsNullOrWhiteSpace(host.Label)))
            {
                // The DOM cannot say what this element shows: the pixels can.
                if (!named.TryGetValue(host.Id, out var lines))
                {
                    named[host.Id] = lines = [];
                }

                lines.Add(line);
                if (!IsPixelOnly(host))
                {
                    absorbed.Add(line);
                }

                continue;
            }

            // Outside any element, or inside a labelled one: drop it when the DOM already has this text.
            var domHasIt = Mentions(domVisibleText, line.Text)
                || (host is not null && Mentions(string.Join("\n", host.Label, host.Text, host.Value, host.Placeholder), line.Text));
            var duplicate = options.KeepTextTheDomHas
                ? host is not null && line.Bounds.IoU(host.Bounds) > options.DuplicateIoU
                : domHasIt;
            if (duplicate)
            {
                absorbed.Add(line);
            }
        }

        for (var i = 0; i < elements.Count; i++)
        {
            if (named.TryGetValue(elements[i].Id, out var lines))
            {
                var seen = string.Join(" ", ReadingOrder.Sort(lines, l => l.Bounds).Select(l => l.Text));
                // A canvas or image gets what it shows as Text (its lines stay separate elements to click);
                // an unlabeled control (an icon button) is named by the text on it.
                elements[i] = IsPixelOnly(elements[i])
                    ? elements[i] with { Source = elements[i].Source | ElementSource.Ocr, Text = Truncate(seen) }
                    : elements[i] with { Source = elements[i].Source | ElementSource.Ocr, Name = Truncate(seen) };
            }
        }

        // Shapes only where the DOM is blind (or when it reported nothing at all), and never on top of a DOM control.
        var keptProposals = proposals
            .Where(p => options.ProposalsOutsideCanvas || dom.Count == 0 || containers.Any(c => c.Bounds.Contains(p.Bounds.Center.X, p.Bounds.Center.Y)))
            .Where(p => !dom.Any(d => !IsPixelOnly(d) && d.Bounds.IoU(p.Bounds) > options.DuplicateIoU))
            .ToList();
        var remaining = text.Where(t => !absorbed.Contains(t)).ToList();
        var drafts = PixelElements(keptProposals, remaining, absorbed);
        var addedText = text.Where(t => !absorbed.Contains(t)).ToList();
        drafts.AddRange(addedText.Select(TextElement));

        var firstId = dom.Count == 0 ? 1 : dom.Max(e => e.Id) + 1;
        elements.AddRange(Number(ReadingOrder.Sort(drafts, e => e.Bounds), firstId));
        return (ReadingOrder.Sort(elements, e => e.Bounds), addedText.Select(t => t.Text).ToList());
    }

    /// <summary>True for elements whose content only pixels can tell (canvas, images, video, embedded objects).</summary>
    public static bool IsPixelOnly(UiElement element) =>
        (element.Tag is { } tag && PixelOnlyTags.Contains(tag)) || PixelOnlyRoles.Contains(element.Role);

    /// <summary>Elements for shape proposals; text inside or beside them names them and is marked absorbed when inside.</summary>
    private static List<UiElement> PixelElements(IReadOnlyList<ElementProposal> proposals, IReadOnlyList<OcrLine> text, HashSet<OcrLine> absorbed)
    {
        var result = new List<UiElement>(proposals.Count);
        foreach (var p in proposals)
        {
            var inside = text.Where(t => p.Bounds.Contains(t.Bounds.Center.X, t.Bounds.Center.Y)).ToList();
            var insideText = string.Join(" ", ReadingOrder.Sort(inside, t => t.Bounds).Select(t => t.Text));
            if (insideText.Length == 0)
            {
                insideText = p.Text;
            }

            absorbed.UnionWith(inside);
            var element = new UiElement { Id = 0, Role = p.Role, Bounds = p.Bounds, Source = ElementSource.Pixels, Confidence = p.Confidence };
            switch (p.Role)
            {
                case "checkbox":
                    var label = LabelBeside(p.Bounds, text);
                    element = element with { Name = label?.Text ?? "", Checked = p.Checked, Source = label is null ? ElementSource.Pixels : ElementSource.Pixels | ElementSource.Ocr };
                    break;
                case "textbox":
                    var caption = LabelAbove(p.Bounds, text) ?? LabelBeside(p.Bounds, text, toTheLeft: true);
                    element = element with
                    {
                        Name = caption?.Text ?? "",
                        Text = insideText.Length > 0 ? insideText : null,
                        NearbyText = caption?.Text,
                        Source = caption is null && insideText.Length == 0 ? ElementSource.Pixels : ElementSource.Pixels | ElementSource.Ocr,
                    };
                    break;
                default:
                    element = element with { Name = insideText, Source = insideText.Length == 0 ? ElementSource.Pixels : ElementSource.Pixels | ElementSource.Ocr };
                    break;
            }

            result.Add(element);
        }

        return result;
    }

    private static UiElement TextElement(OcrLine line) => new()
    {
        Id = 0,
        Role = "text",
        Name = line.Text,
        Bounds = line.Bounds,
        Source = ElementSource.Ocr,
        Confidence = Math.Round(line.Confidence, 3),
    };

    /// <summary>
    /// The text line just right of a box (a checkbox label), or just left of it when asked. The detector often takes
    /// a small box into the line beside it, so a line may also start on the box as long as it runs on past it.
    /// </summary>
    private static OcrLine? LabelBeside(ScreenRect box, IReadOnlyList<OcrLine> text, bool toTheLeft = false)
    {
        var reach = Math.Max(40, box.Height * 3);
        return text.Where(t => Math.Abs(t.Bounds.Center.Y - box.Center.Y) <= Math.Max(box.Height, t.Bounds.Height) * 0.6)
            .Where(t => toTheLeft
                ? t.Bounds.Right <= box.X + 4 && box.X - t.Bounds.Right <= reach
                : t.Bounds.X >= box.X - box.Width && t.Bounds.X - box.Right <= reach && t.Bounds.Right > box.Right + box.Width)
            .MinBy(t => toTheLeft ? box.X - t.Bounds.Right : Math.Abs(t.Bounds.X - box.Right));
    }

    /// <summary>The text line just above a box and starting near its left edge (an input's caption).</summary>
    private static OcrLine? LabelAbove(ScreenRect box, IReadOnlyList<OcrLine> text) =>
        text.Where(t => t.Bounds.Bottom <= box.Y + 4 && box.Y - t.Bounds.Bottom <= Math.Max(24, box.Height * 1.2))
            .Where(t => Math.Abs(t.Bounds.X - box.X) <= Math.Max(24, box.Height) && t.Bounds.X < box.Right)
            .MinBy(t => box.Y - t.Bounds.Bottom);

    private static bool Mentions(string visibleText, string text) =>
        visibleText.Length > 0 && text.Length > 0 && visibleText.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..199] + "…";

    private static List<UiElement> Number(List<UiElement> elements, int firstId)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            elements[i] = elements[i] with { Id = firstId + i };
        }

        return elements;
    }
}
