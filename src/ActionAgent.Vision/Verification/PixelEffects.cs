using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using OpenCvSharp;

namespace ActionAgent.Vision.Verification;

/// <summary>
/// What the pixels show of an action's effect, when no DOM can be asked (vision perception): the checks that confirm
/// a step, each naming what changed where. A change that hovering or focusing alone would make does not count: for
/// typing and choosing, only the inside of the field (its border and focus ring cut off) and more than a caret's
/// width; for a click, the screen outside the clicked element (its hover style and focus ring cut off), except for a
/// checkbox, radio or switch, whose inside shows the mark.
/// </summary>
internal static class PixelEffects
{
    // Screenshot pixels cut from a field's edge (border, focus ring) and added around a clicked element (hover
    // shadow, focus ring) before looking for a change.
    private const int Inset = 4;
    private const int Outset = 6;

    // A point target without an element: this many CSS pixels around it stand for the element.
    private const double PointBox = 24;

    public static List<string> Checks(
        BrowserAction action, Observation before, Mat beforeImage, Mat after, string? navigatedTo, ChangeDetector detector, PixelChangeVerifierOptions options,
        Mat? rawBefore = null, Mat? rawAfter = null)
    {
        if (navigatedTo is not null)
        {
            return [$"the page moved to {navigatedTo}"];
        }

        var bounds = new Rect(0, 0, beforeImage.Width, beforeImage.Height);
        switch (action)
        {
            case TypeTextAction type when Box(type.Target, before, bounds) is { Element.IsSecret: true } secret:
                // Painted over in the observation: compared with the raw frame of the previous step, when there is one.
                return rawBefore is not null && rawAfter is not null && Inside(rawBefore, rawAfter, secret.Rect, detector, options) is { } masked
                    ? [$"{secret.What} shows new characters ({masked})"]
                    : [];

            case TypeTextAction type when Box(type.Target, before, bounds) is { } field:
                return Inside(beforeImage, after, field.Rect, detector, options) is { } typed
                    ? [$"{field.What} shows new text ({typed})"]
                    : [];

            case SelectOptionAction select when Box(select.Target, before, bounds) is { } list:
                return Inside(beforeImage, after, list.Rect, detector, options) is { } chosen
                    ? [$"{list.What} shows another choice ({chosen})"]
                    : [];

            case ClickAction click when Box(click.Target, before, bounds) is { } clicked:
                if (clicked.Element is { } e && IsToggle(e) && Inside(beforeImage, after, clicked.Rect, detector, options, inset: 2) is { } marked)
                {
                    return [$"{clicked.What} changed its mark ({marked})"];
                }

                if (Outside(before, beforeImage, after, clicked.Rect, bounds, detector, options) is { } elsewhere)
                {
                    return [$"clicking {clicked.What} changed the screen around it ({elsewhere})"];
                }

                // A label's radio or checkbox may sit inside the clicked box: a compact mark appearing there counts;
                // a hover style does not (it recolours the whole box, or underlines it: wide and flat).
                return Mark(beforeImage, after, clicked.Rect, detector, options) is { } mark
                    ? [$"a mark changed inside {clicked.What} ({mark})"]
                    : [];

            case PressKeyAction or DragAction or ClickAction or TypeTextAction:
                var fraction = detector.ChangedFraction(beforeImage, after);
                return fraction >= options.NoEffectFraction ? [$"{action.Kind} changed {fraction:P2} of the screen"] : [];

            default:
                return [];
        }
    }

    private static bool IsToggle(UiElement e) =>
        e.Role.ToLowerInvariant() is "checkbox" or "radio" or "switch" or "menuitemcheckbox" or "menuitemradio";

    private static bool IsControl(UiElement e) =>
        e.Role.ToLowerInvariant() is "button" or "link" or "textbox" or "searchbox" or "combobox" or "spinbutton" or "slider" or "menuitem";

    private sealed record Target(Rect Rect, string What, UiElement? Element);

    private static Target? Box(ActionTarget? target, Observation before, Rect bounds)
    {
        if (target is null)
        {
            return null;
        }

        UiElement? element = target.ElementId is { } id ? before.Find(id) : null;
        ScreenRect css;
        string what;
        if (element is not null)
        {
            css = element.Bounds;
            what = $"{element.Role.ToLowerInvariant()} \"{(element.Label.Length > 40 ? element.Label[..37] + "…" : element.Label)}\"";
        }
        else if (target.Point is { } point)
        {
            var p = before.Geometry.ToCss(point);
            css = new ScreenRect(p.X - PointBox / 2, p.Y - PointBox / 2, PointBox, PointBox);
            what = $"the point ({p.X:0}, {p.Y:0})";
        }
        else
        {
            return null;
        }

        var rect = Pixels(before.Geometry.ToScreenshot(css)).Intersect(bounds);
        return rect.Width > 0 && rect.Height > 0 ? new Target(rect, what, element) : null;
    }

    // A change inside the box, away from its edges, wider and larger than a blinking caret: "n px changed".
    private static string? Inside(Mat before, Mat after, Rect box, ChangeDetector detector, PixelChangeVerifierOptions options, int inset = Inset)
    {
        var inner = Rect.Inflate(box, -inset, -inset);
        var (count, spread) = Changes(before, after, inner.Width < 3 || inner.Height < 3 ? box : inner, detector);
        return count >= options.MinChangedPixels && spread.Width >= options.MinChangedWidth ? $"{count} px changed" : null;
    }

    // A change on the screen away from the box: "n px changed". Cut off first: the clicked element with its hover
    // style and focus ring, and every other control the page showed (buttons, links, fields), because moving the
    // mouse and the focus away from the one used last restyles it whatever the click did. A checkbox, radio or switch
    // stays in: its mark changing is what clicking its label does.
    private static string? Outside(Observation observation, Mat before, Mat after, Rect box, Rect bounds, ChangeDetector detector, PixelChangeVerifierOptions options)
    {
        using var mask = detector.ChangedMaskOf(before, after);
        var screen = (double)bounds.Width * bounds.Height;
        var cut = observation.Elements
            .Where(e => IsControl(e))
            .Select(e => observation.Geometry.ToScreenshot(e.Bounds))
            .Where(r => r.Area < 0.25 * screen)
            .Select(Pixels)
            .Append(box);
        foreach (var r in cut)
        {
            var grown = Rect.Inflate(r, Outset, Outset).Intersect(bounds);
            if (grown.Width > 0 && grown.Height > 0)
            {
                using var around = new Mat(mask, grown);
                around.SetTo(Scalar.Black);
            }
        }

        // Small is fine (a radio's dot beside its label), a blinking caret is not: some pixels, both ways wider than a line.
        var count = Cv2.CountNonZero(mask);
        if (count < 2 * options.MinChangedPixels)
        {
            return null;
        }

        var spread = Cv2.BoundingRect(mask);
        return spread.Width >= options.MinChangedWidth && spread.Height >= options.MinChangedWidth ? $"{count} px changed" : null;
    }

    // A compact change inside the box (at most half of it, both ways wider than a line): a mark, not a hover style.
    private static string? Mark(Mat before, Mat after, Rect box, ChangeDetector detector, PixelChangeVerifierOptions options)
    {
        var inner = Rect.Inflate(box, -2, -2);
        if (inner.Width < 8 || inner.Height < 8)
        {
            return null;
        }

        var (count, spread) = Changes(before, after, inner, detector);
        var compact = spread.Width >= options.MinChangedWidth && spread.Height >= options.MinChangedWidth
            && spread.Width * spread.Height <= 0.5 * inner.Width * inner.Height;
        return count >= options.MinChangedPixels && compact ? $"{count} px changed" : null;
    }

    // How many pixels of the area changed, and the box around them.
    private static (int Count, Rect Spread) Changes(Mat before, Mat after, Rect area, ChangeDetector detector)
    {
        using var b = new Mat(before, area);
        using var a = new Mat(after, area);
        using var mask = detector.ChangedMaskOf(b, a);
        return (Cv2.CountNonZero(mask), Cv2.BoundingRect(mask));
    }

    // Screenshot pixels covering a box.
    private static Rect Pixels(ScreenRect r) => new((int)r.X, (int)r.Y, (int)Math.Ceiling(r.Width), (int)Math.Ceiling(r.Height));
}
