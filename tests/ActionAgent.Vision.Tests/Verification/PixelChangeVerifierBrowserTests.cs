using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Tests.Support;
using ActionAgent.Vision.Verification;
using Microsoft.Playwright;

namespace ActionAgent.Vision.Tests.Verification;

[TestClass]
public sealed class PixelChangeVerifierBrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task VerifyAsync_RealClicks_TellAnEffectFromNoEffectAndFindTheChangedRegion()
    {
        using var server = new LoopbackServer(new Dictionary<string, string> { ["/reveal"] = TestPages.Reveal });
        var page = await SharedBrowser.NewPageAsync();
        await page.GotoAsync(server.Url("/reveal"));
        var capture = new PlaywrightScreenCapture(page);
        var verifier = new PixelChangeVerifier(capture);
        var click = new ProposedAction(new ClickAction(ActionTarget.At(100, 300)), "test");

        var before = await new PlaywrightDomPerceiver(page).ObserveAsync(TestContext.CancellationToken);
        await page.Mouse.ClickAsync(200, 300);
        var inert = await verifier.VerifyAsync(click, before, ActionOutcome.Success("clicked the text"), TestContext.CancellationToken);

        await page.ClickAsync("#show");
        var revealed = await verifier.VerifyAsync(click, before, ActionOutcome.Success("clicked Show details"), TestContext.CancellationToken);

        TestContext.WriteLine($"inert: {inert.Message} ({inert.ChangedFraction}); reveal: {revealed.Message} ({revealed.ChangedFraction})");
        Assert.AreEqual("clicked the text (the action had no visible effect)", inert.Message);
        Assert.IsTrue(revealed.ChangedFraction > 0, "showing a line of text is a visible effect");
        Assert.AreEqual("clicked Show details", revealed.Message);

        using var beforeImage = FrameCodec.Decode(before.Screenshot);
        using var afterImage = FrameCodec.Decode(await capture.CaptureAsync(TestContext.CancellationToken));
        var change = new ChangeDetector().Detect(beforeImage, afterImage);
        var details = await page.Locator("#details").BoundingBoxAsync() ?? throw new AssertFailedException("no #details box");
        var detailsText = new ScreenRect(details.X, details.Y, 250, details.Height);
        Assert.IsTrue(change.Regions.Any(r => r.Intersect(detailsText).Area > 0.5 * detailsText.Area), $"a changed region covers the revealed text; regions: {string.Join(", ", change.Regions)}");
    }
}
