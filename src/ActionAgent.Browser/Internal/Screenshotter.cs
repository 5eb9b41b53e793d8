using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace ActionAgent.Browser.Internal;

/// <summary>
/// Takes viewport screenshots with secret fields masked black, at device resolution when that fits
/// <see cref="ScreenshotSettings.MaxWidth"/>, else at CSS resolution, downscaled in the browser when still too wide.
/// </summary>
internal static class Screenshotter
{
    private const int MaxMaskedFrames = 16;

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

    // Paints a black box over every visible secret field of one document (open shadow roots included); returns how many.
    private const string MaskScript = """
        (sel) => {
          let n = 0;
          const visit = (root) => {
            for (const el of root.querySelectorAll(sel)) {
              const r = el.getBoundingClientRect();
              if (r.width <= 0 || r.height <= 0) continue;
              const box = document.createElement('div');
              box.setAttribute('data-actionagent-mask', '');
              box.style.cssText = `position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;`
                + 'background:#000;z-index:2147483647;pointer-events:none;margin:0;padding:0;border:0;transform:none;display:block';
              document.documentElement.appendChild(box);
              n++;
            }
            for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
          };
          visit(document);
          return n;
        }
        """;

    private const string UnmaskScript = "() => document.querySelectorAll('[data-actionagent-mask]').forEach(e => e.remove())";

    private static readonly ConditionalWeakTable<IPage, FastCapture> FastCaptures = new();

    public sealed record Shot(byte[] Png, int Width, int Height, string? Note);

    /// <param name="page">The page.</param>
    /// <param name="cssWidth">Viewport width in CSS pixels.</param>
    /// <param name="devicePixelRatio">The page's device pixel ratio.</param>
    /// <param name="settings">Browser settings (max width, action timeout).</param>
    public static async Task<Shot> TakeAsync(IPage page, int cssWidth, double devicePixelRatio, BrowserSettings settings)
    {
        var maxWidth = settings.Screenshot.MaxWidth;
        var deviceFits = cssWidth * devicePixelRatio <= maxWidth + 0.5;
        // Chromium's raw capture ignores an emulated device scale factor: use it at 1 only.
        var png = (deviceFits && Math.Abs(devicePixelRatio - 1) < 0.01 ? await TryFastAsync(page).ConfigureAwait(false) : null)
            ?? await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Type = ScreenshotType.Png,
                Scale = deviceFits ? ScreenshotScale.Device : ScreenshotScale.Css,
                Mask = page.Frames.Take(MaxMaskedFrames).Select(f => f.Locator(PageScript.SecretSelector)).ToArray(),
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

    /// <summary>
    /// Chromium's own capture over a CDP session kept per page, PNG encoded for speed: about 60 ms for a 1280x720
    /// frame on this machine, where Playwright's screenshot (caret hiding, mask locators, waits) takes 85–105 ms.
    /// Secret fields are painted over in every frame first. Null when it cannot be used this time (a frame
    /// mid-navigation, too many frames, not Chromium): the caller then takes Playwright's masked screenshot.
    /// </summary>
    private static async Task<byte[]?> TryFastAsync(IPage page)
    {
        var state = FastCaptures.GetValue(page, _ => new FastCapture());
        if (state.Unavailable)
        {
            return null;
        }

        await state.Gate.WaitAsync().ConfigureAwait(false);
        var masked = new List<IFrame>();
        try
        {
            var frames = page.Frames;
            if (frames.Count > MaxMaskedFrames)
            {
                return null;
            }

            foreach (var frame in frames)
            {
                // A frame that cannot be masked (navigating, detached) sends this capture down Playwright's path.
                if (await frame.EvaluateAsync<int>(MaskScript, PageScript.SecretSelector).ConfigureAwait(false) > 0)
                {
                    masked.Add(frame);
                }
            }

            if (state.Cdp is null)
            {
                try
                {
                    state.Cdp = await page.Context.NewCDPSessionAsync(page).ConfigureAwait(false);
                }
                catch (PlaywrightException)
                {
                    state.Unavailable = true; // Not Chromium, or the connection offers no CDP.
                    return null;
                }
            }

            var result = await state.Cdp.SendAsync("Page.captureScreenshot", new Dictionary<string, object>
            {
                ["format"] = "png",
                ["optimizeForSpeed"] = true,
                ["fromSurface"] = true,
                ["captureBeyondViewport"] = false,
            }).ConfigureAwait(false);
            return result is { } json && json.TryGetProperty("data", out var data) && data.GetString() is { } b64
                ? Convert.FromBase64String(b64)
                : null;
        }
        catch (PlaywrightException)
        {
            return null;
        }
        finally
        {
            foreach (var frame in masked)
            {
                try
                {
                    await frame.EvaluateAsync(UnmaskScript).ConfigureAwait(false);
                }
                catch (PlaywrightException)
                {
                    // The frame navigated away: its masks went with it.
                }
            }

            state.Gate.Release();
        }
    }

    /// <summary>A page's raw capture channel: one CDP session, one capture at a time (masks must not interleave).</summary>
    private sealed class FastCapture
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ICDPSession? Cdp { get; set; }

        public bool Unavailable { get; set; }
    }
}
