using ActionAgent.Core.Perception;
using SkiaSharp;

namespace ActionAgent.Bench.Prompt;

/// <summary>Draws a plausible refund-form screenshot with set-of-marks labels, so image sizes are realistic.</summary>
internal static class RefundScreenshot
{
    public static byte[] Render(Observation observation, bool marks)
    {
        var g = observation.Geometry;
        using var bitmap = new SKBitmap(g.ScreenshotWidth, g.ScreenshotHeight);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(0xF7, 0xF8, 0xFA));
        using var typeface = File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
            ? SKTypeface.FromFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
            : SKTypeface.Default;
        using var font = new SKFont(typeface, 14);
        using var small = new SKFont(typeface, 11);
        using var text = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        using var border = new SKPaint { Color = new SKColor(0xB0, 0xB6, 0xC0), Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
        using var fill = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        using var button = new SKPaint { Color = new SKColor(0x25, 0x63, 0xEB), Style = SKPaintStyle.Fill, IsAntialias = true };
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var header = new SKPaint { Color = new SKColor(0x1F, 0x29, 0x37), Style = SKPaintStyle.Fill };
        using var mark = new SKPaint { Color = new SKColor(0xE1, 0x1D, 0x48), Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        using var markFill = new SKPaint { Color = new SKColor(0xE1, 0x1D, 0x48), Style = SKPaintStyle.Fill };

        canvas.DrawRect(0, 0, g.ScreenshotWidth, 60, header);
        foreach (var e in observation.Elements.Where(e => e.Bounds.Bottom <= g.CssHeight))
        {
            var r = new SKRect((float)e.Bounds.X, (float)e.Bounds.Y, (float)e.Bounds.Right, (float)e.Bounds.Bottom);
            switch (e.Role)
            {
                case "textbox" or "combobox":
                    canvas.DrawText(e.Label, r.Left, r.Top - 6, SKTextAlign.Left, small, text);
                    canvas.DrawRoundRect(r, 4, 4, fill);
                    canvas.DrawRoundRect(r, 4, 4, border);
                    canvas.DrawText(e.IsSecret ? "••••" : e.Value ?? e.Placeholder ?? "", r.Left + 8, r.MidY + 5, SKTextAlign.Left, font, text);
                    break;
                case "button":
                    canvas.DrawRoundRect(r, 6, 6, button);
                    canvas.DrawText(e.Label, r.Left + 10, r.MidY + 5, SKTextAlign.Left, font, white);
                    break;
                case "radio" or "checkbox":
                    canvas.DrawRect(r, fill);
                    canvas.DrawRect(r, border);
                    canvas.DrawText(e.Label, r.Right + 8, r.MidY + 5, SKTextAlign.Left, font, text);
                    break;
                case "heading":
                    using (var big = new SKFont(typeface, 28))
                    {
                        canvas.DrawText(e.Label, r.Left, r.Bottom - 6, SKTextAlign.Left, big, text);
                    }

                    break;
                case "link" when e.Bounds.Y < 60:
                    canvas.DrawText(e.Label, r.Left, r.MidY + 5, SKTextAlign.Left, font, white);
                    break;
                default:
                    canvas.DrawText(e.Label, r.Left, r.MidY + 5, SKTextAlign.Left, font, text);
                    break;
            }

            if (marks)
            {
                canvas.DrawRect(r, mark);
                var label = e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var tag = new SKRect(r.Left, r.Top - 14, r.Left + 8 + 7 * label.Length, r.Top);
                canvas.DrawRect(tag, markFill);
                canvas.DrawText(label, tag.Left + 3, tag.Bottom - 3, SKTextAlign.Left, small, white);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
