using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Perception;
using ActionAgent.Vision.Tests.Support;

namespace ActionAgent.Vision.Tests.Perception;

[TestClass]
public sealed class StabilityBrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task WaitAsync_StaticPage_Settles()
    {
        using var server = new LoopbackServer(new Dictionary<string, string> { ["/static"] = TestPages.Static });
        var page = await SharedBrowser.NewPageAsync();
        await page.GotoAsync(server.Url("/static"));
        var waiter = new VisualStabilityWaiter(new PlaywrightScreenCapture(page));

        using var frame = await waiter.WaitAsync(TestContext.CancellationToken);

        TestContext.WriteLine($"static page: settled={frame.Settled} after {frame.Captures} captures in {frame.Elapsed.TotalMilliseconds:0} ms");
        Assert.IsTrue(frame.Settled);
        Assert.IsLessThanOrEqualTo(3, frame.Captures, "a page that does not move settles on the first comparison (or the second)");
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task ObserveAsync_EndlessAnimation_GivesUpAfterTwoSecondsWithANote()
    {
        using var server = new LoopbackServer(new Dictionary<string, string> { ["/animated"] = TestPages.Animated });
        var page = await SharedBrowser.NewPageAsync();
        await page.GotoAsync(server.Url("/animated"));
        using var perceiver = new FusedPerceiver(new PlaywrightDomPerceiver(page), new PlaywrightScreenCapture(page), SharedOcr.Engine);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var observation = await perceiver.ObserveAsync(TestContext.CancellationToken);

        TestContext.WriteLine($"animated page: {clock.ElapsedMilliseconds} ms, notes: {string.Join("; ", observation.Notes)}");
        Assert.IsTrue(observation.Notes.Any(n => n.StartsWith("the page did not settle within 2 s", StringComparison.Ordinal)));
        Assert.IsTrue(perceiver.LastTimings!.SettleMs is >= 1900 and < 3500, $"settle wait {perceiver.LastTimings.SettleMs} ms");
    }
}
