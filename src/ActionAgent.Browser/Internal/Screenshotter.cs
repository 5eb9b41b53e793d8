using System.Globalization;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Internal;

/// <summary>
/// Takes viewport screenshots with secret fields masked black, at device resolution when that fits
/// <see cref="ScreenshotSettings.MaxWidth"/>, else at CSS resolution, downscaled in the browser when still too wide.
/// </summary>
internal static class Screenshotter
{
    // Resizes a PNG with the browser's own image pipeline: no native imaging library is needed in this process.
    private const string DownscaleScript = """
        async ([b64, w, h]) => {
          const bin = atob(b64);
          const bytes = new Uint8Array(bin.length);
          for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
          const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
          const canvas = new OffscreenCanvas(w, h);
          canvas.getContext('2d').drawImage(bmp, 0, 0);
          bmp.close();
          const out = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
          let s = '';
          for (let i = 0; i < out.length; i += 0x8000) s += String.fromCharCode.apply(null, out.subarray(i, i + 0x8000));
          return btoa(s);
        }
        """;

    public sealed record Shot(byte[] Png, int Width, int Height, string? Note);

    /// <param name="page">The page.</param>
    /// <param name="cssWidth">Viewport width in CSS pixels.</param>
    /// <param name="devicePixelRatio">The page's device pixel ratio.</param>
    /// <param name="settings">Browser settings (max width, action timeout).</param>
    public static async Task<Shot> TakeAsync(IPage page, int cssWidth, double devicePixelRatio, BrowserSettings settings)
    {
        var maxWidth = settings.Screenshot.MaxWidth;
        var deviceFits = cssWidth * devicePixelRatio <= maxWidth + 0.5;
        var frames = page.Frames;
        var mask = frames.Take(16).Select(f => f.Locator(PageScript.SecretSelector)).ToArray();
        var png = await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Type = ScreenshotType.Png,
            Scale = deviceFits ? ScreenshotScale.Device : ScreenshotScale.Css,
            Mask = mask,
            MaskColor = "#000000",
            Timeout = settings.Timeouts.ActionMs,
        }).ConfigureAwait(false);
        var (width, height) = Png.Size(png);
        if (width <= maxWidth)
        {
            return new Shot(png, width, height, null);
        }

        var targetWidth = maxWidth;
        var targetHeight = Math.Max(1, (int)Math.Round((double)height * maxWidth / width));
        try
        {
            var b64 = await page.EvaluateAsync<string>(DownscaleScript, new object[] { Convert.ToBase64String(png), targetWidth, targetHeight }).ConfigureAwait(false);
            var small = Convert.FromBase64String(b64);
            var (w, h) = Png.Size(small);
            return new Shot(small, w, h, null);
        }
        catch (Exception e) when (e is PlaywrightException or FormatException or InvalidDataException)
        {
            // The page may forbid or break the resize (a hostile page can replace the APIs): keep the full-size image.
            return new Shot(png, width, height, string.Create(CultureInfo.InvariantCulture,
                $"the screenshot could not be downscaled to {maxWidth}px and is {width}x{height}: {e.Message.Split('\n')[0]}"));
        }
    }
}
