using ActionAgent.Browser.Tests.Support;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.Browser.Tests.Execution;

/// <summary>Clicks given in screenshot pixels or 0..1000 land on the intended button, whatever the DPR and downscaling.</summary>
[TestClass]
[DoNotParallelize]
public sealed class CoordinateMappingTests
{
    private static TestWebServer server = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        server = new TestWebServer();
        server.Add("/targets", Pages.Targets);
    }

    [ClassCleanup]
    public static void Stop() => server.Dispose();

    [TestMethod]
    public async Task DeviceScaleFactor2_ScreenshotIsCssSized_AndScreenshotPointsHitTheButton()
    {
        await using var session = await TestBrowser.OpenAsync(s => s.DeviceScaleFactor = 2);
        await session.Page.GotoAsync(server.Url("/targets"));
        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        Assert.AreEqual(new ViewportGeometry(1280, 720, 2, 1280, 720), observation.Geometry);
        var png = PngImage.Decode(observation.Screenshot.Span);
        Assert.AreEqual((1280, 720), (png.Width, png.Height));
        await ClickAtScreenshotPointAsync(session, observation, "Bravo", "click:b");
        await ClickAtNormalizedPointAsync(session, observation, "Charlie", "click:c");
    }

    [TestMethod]
    public async Task DeviceScaleFactor2_WithRoomForDevicePixels_KeepsFullResolution()
    {
        await using var session = await TestBrowser.OpenAsync(s =>
        {
            s.Viewport.Width = 640;
            s.Viewport.Height = 480;
            s.DeviceScaleFactor = 2;
        });
        await session.Page.GotoAsync(server.Url("/targets"));
        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        Assert.AreEqual(new ViewportGeometry(640, 480, 2, 1280, 960), observation.Geometry);
        await ClickAtScreenshotPointAsync(session, observation, "Alpha", "click:a");
    }

    [TestMethod]
    public async Task WideViewport_IsDownscaledToMaxWidth_AndPointsStillHitTheButton()
    {
        await using var session = await TestBrowser.OpenAsync(s =>
        {
            s.Viewport.Width = 1600;
            s.Viewport.Height = 900;
        });
        await session.Page.GotoAsync(server.Url("/targets"));
        var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);

        Assert.AreEqual(new ViewportGeometry(1600, 900, 1, 1280, 720), observation.Geometry);
        var png = PngImage.Decode(observation.Screenshot.Span);
        Assert.AreEqual((1280, 720), (png.Width, png.Height));
        // The button's pixels are where the geometry says: its centre is button grey, not page white.
        var bravo = observation.Elements.Single(e => e.Name == "Bravo");
        var centre = observation.Geometry.ToScreenshot(new ScreenPoint(bravo.Bounds.Center.X, bravo.Bounds.Y + 3));
        Assert.AreNotEqual(((byte)255, (byte)255, (byte)255), png.Pixel((int)centre.X, (int)centre.Y));
        await ClickAtScreenshotPointAsync(session, observation, "Bravo", "click:b");
        await ClickAtNormalizedPointAsync(session, observation, "Charlie", "click:c");
    }

    private async Task ClickAtScreenshotPointAsync(BrowserSession session, Observation observation, string name, string expected)
    {
        var element = observation.Elements.Single(e => e.Name == name);
        var p = observation.Geometry.ToScreenshot(new ScreenPoint(element.Bounds.Center.X, element.Bounds.Center.Y));
        // Models answer in whole screenshot pixels.
        var target = ActionTarget.At(Math.Round(p.X), Math.Round(p.Y), CoordinateSpace.Screenshot);

        var outcome = await session.CreateExecutor().ExecuteAsync(new ProposedAction(new ClickAction(target), "test"), observation, TestContext.CancellationToken);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual(expected, await session.Page.TitleAsync());
    }

    private async Task ClickAtNormalizedPointAsync(BrowserSession session, Observation observation, string name, string expected)
    {
        var element = observation.Elements.Single(e => e.Name == name);
        var (cx, cy) = element.Bounds.Center;
        var target = ActionTarget.At(Math.Round(cx / observation.Geometry.CssWidth * 1000), Math.Round(cy / observation.Geometry.CssHeight * 1000), CoordinateSpace.Normalized1000);

        var outcome = await session.CreateExecutor().ExecuteAsync(new ProposedAction(new ClickAction(target), "test"), observation, TestContext.CancellationToken);

        Assert.IsTrue(outcome.Succeeded, outcome.Message);
        Assert.AreEqual(expected, await session.Page.TitleAsync());
    }
}
