using ActionAgent.Core.Perception;
using Microsoft.Playwright;

namespace ActionAgent.Vision.Tests.Support;

/// <summary>Viewport screenshots of a Playwright page (the test-side stand-in for the Browser project's capture).</summary>
internal sealed class PlaywrightScreenCapture(IPage page) : IScreenCapture
{
    /// <inheritdoc />
    public async Task<ReadOnlyMemory<byte>> CaptureAsync(CancellationToken cancellationToken = default) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png, Animations = ScreenshotAnimations.Allow });
}
