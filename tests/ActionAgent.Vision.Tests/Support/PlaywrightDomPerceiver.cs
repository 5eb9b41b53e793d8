using System.Text.Json;
using ActionAgent.Core.Perception;
using Microsoft.Playwright;

namespace ActionAgent.Vision.Tests.Support;

/// <summary>
/// A minimal DOM perceiver for tests (the real one lives in the Browser project): visible buttons, links, inputs,
/// canvases and images with their boxes and accessible-ish names, plus screenshot, geometry and visible text.
/// </summary>
internal sealed class PlaywrightDomPerceiver(IPage page) : IPerceiver
{
    private const string Script = """
        () => [...document.querySelectorAll('button,a,input,select,textarea,canvas,img,[role=button]')]
          .map(e => ({ e, r: e.getBoundingClientRect() }))
          .filter(x => x.r.width > 0 && x.r.height > 0)
          .map(({ e, r }) => ({
            tag: e.tagName.toLowerCase(),
            role: e.getAttribute('role') || ({ a: 'link', button: 'button', input: e.type === 'checkbox' ? 'checkbox' : 'textbox', textarea: 'textbox', select: 'combobox', canvas: 'canvas', img: 'image' })[e.tagName.toLowerCase()] || 'generic',
            name: (e.getAttribute('aria-label') || e.innerText || e.getAttribute('alt') || '').trim(),
            value: e.value ?? null,
            type: e.type ?? null,
            x: r.x, y: r.y, w: r.width, h: r.height }))
        """;

    /// <inheritdoc />
    public async Task<Observation> ObserveAsync(CancellationToken cancellationToken = default)
    {
        var items = await page.EvaluateAsync<JsonElement>(Script);
        var elements = new List<UiElement>();
        var id = 1;
        foreach (var item in items.EnumerateArray())
        {
            string? Str(string name) => item.GetProperty(name).ValueKind == JsonValueKind.String ? item.GetProperty(name).GetString() : null;
            elements.Add(new UiElement
            {
                Id = id++,
                Role = Str("role") ?? "generic",
                Tag = Str("tag"),
                Name = Str("name") ?? "",
                Value = Str("tag") is "input" or "textarea" ? Str("value") : null,
                InputType = Str("tag") == "input" ? Str("type") : null,
                IsSecret = Str("type") == "password",
                Bounds = new ScreenRect(item.GetProperty("x").GetDouble(), item.GetProperty("y").GetDouble(), item.GetProperty("w").GetDouble(), item.GetProperty("h").GetDouble()),
            });
        }

        var viewport = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 720 };
        return new Observation
        {
            Url = page.Url,
            Title = await page.TitleAsync(),
            Screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png }),
            Geometry = ViewportGeometry.Identity(viewport.Width, viewport.Height),
            Elements = elements,
            VisibleText = await page.EvaluateAsync<string>("() => document.body.innerText"),
        };
    }
}
