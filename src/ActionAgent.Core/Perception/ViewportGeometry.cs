using System.Text.Json.Serialization;

namespace ActionAgent.Core.Perception;

/// <summary>
/// Relates CSS pixels (what the page and the mouse use) to the pixels of the screenshot a decider saw:
/// the device scale factor and any downscaling of the screenshot both sit between them.
/// </summary>
public sealed record ViewportGeometry(int CssWidth, int CssHeight, double DeviceScaleFactor, int ScreenshotWidth, int ScreenshotHeight)
{
    /// <summary>A geometry where one screenshot pixel is one CSS pixel.</summary>
    public static ViewportGeometry Identity(int width, int height) => new(width, height, 1, width, height);

    /// <summary>Screenshot pixels per CSS pixel on the X axis.</summary>
    [JsonIgnore]
    public double ScaleX => CssWidth <= 0 ? 1 : (double)ScreenshotWidth / CssWidth;

    /// <summary>Screenshot pixels per CSS pixel on the Y axis.</summary>
    [JsonIgnore]
    public double ScaleY => CssHeight <= 0 ? 1 : (double)ScreenshotHeight / CssHeight;

    /// <summary>Maps a point in any space to CSS pixels, clamped to the viewport.</summary>
    public ScreenPoint ToCss(ScreenPoint point)
    {
        var (x, y) = point.Space switch
        {
            CoordinateSpace.Css => (point.X, point.Y),
            CoordinateSpace.Screenshot => (point.X / ScaleX, point.Y / ScaleY),
            CoordinateSpace.Normalized1000 => (point.X / 1000.0 * CssWidth, point.Y / 1000.0 * CssHeight),
            _ => throw new ArgumentOutOfRangeException(nameof(point), point.Space, "Unknown coordinate space."),
        };
        return new ScreenPoint(Math.Clamp(x, 0, Math.Max(0, CssWidth - 1)), Math.Clamp(y, 0, Math.Max(0, CssHeight - 1)), CoordinateSpace.Css);
    }

    /// <summary>Maps a CSS point to screenshot pixels.</summary>
    public ScreenPoint ToScreenshot(ScreenPoint point)
    {
        var css = ToCss(point);
        return new ScreenPoint(css.X * ScaleX, css.Y * ScaleY, CoordinateSpace.Screenshot);
    }

    /// <summary>Maps a CSS rectangle to screenshot pixels.</summary>
    public ScreenRect ToScreenshot(ScreenRect css) =>
        new(css.X * ScaleX, css.Y * ScaleY, css.Width * ScaleX, css.Height * ScaleY);

    /// <summary>Maps a screenshot-pixel rectangle to CSS pixels.</summary>
    public ScreenRect ToCss(ScreenRect screenshot) =>
        new(screenshot.X / ScaleX, screenshot.Y / ScaleY, screenshot.Width / ScaleX, screenshot.Height / ScaleY);
}
