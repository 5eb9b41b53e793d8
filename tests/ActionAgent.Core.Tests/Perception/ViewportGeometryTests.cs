using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Perception;

[TestClass]
public sealed class ViewportGeometryTests
{
    [TestMethod]
    public void ToCss_ScreenshotPointWithDeviceScale2_HalvesCoordinates()
    {
        var g = new ViewportGeometry(1280, 720, 2, 2560, 1440);
        var css = g.ToCss(new ScreenPoint(1000, 600, CoordinateSpace.Screenshot));
        Assert.AreEqual(500, css.X, 0.001);
        Assert.AreEqual(300, css.Y, 0.001);
    }

    [TestMethod]
    public void ToCss_DownscaledScreenshot_ScalesUp()
    {
        // A 1280x720 viewport at DPR 2 shown to the model downscaled to 1024x576.
        var g = new ViewportGeometry(1280, 720, 2, 1024, 576);
        var css = g.ToCss(new ScreenPoint(512, 288, CoordinateSpace.Screenshot));
        Assert.AreEqual(640, css.X, 0.001);
        Assert.AreEqual(360, css.Y, 0.001);
    }

    [TestMethod]
    public void ToCss_Normalized1000_MapsToViewport()
    {
        var g = new ViewportGeometry(1280, 720, 1, 1280, 720);
        var css = g.ToCss(new ScreenPoint(250, 500, CoordinateSpace.Normalized1000));
        Assert.AreEqual(320, css.X, 0.001);
        Assert.AreEqual(360, css.Y, 0.001);
    }

    [TestMethod]
    public void ToCss_PointOutsideViewport_IsClamped()
    {
        var g = ViewportGeometry.Identity(800, 600);
        var css = g.ToCss(new ScreenPoint(5000, -20));
        Assert.AreEqual(799, css.X, 0.001);
        Assert.AreEqual(0, css.Y, 0.001);
    }

    [TestMethod]
    public void ToScreenshot_RoundTripsRectangles()
    {
        var g = new ViewportGeometry(1280, 720, 2, 1024, 576);
        var rect = new ScreenRect(100, 50, 200, 40);
        var back = g.ToCss(g.ToScreenshot(rect));
        Assert.AreEqual(rect.X, back.X, 0.001);
        Assert.AreEqual(rect.Width, back.Width, 0.001);
    }

    [TestMethod]
    public void IoU_OverlappingRectangles()
    {
        var a = new ScreenRect(0, 0, 10, 10);
        Assert.AreEqual(1, a.IoU(a), 1e-9);
        Assert.AreEqual(0, a.IoU(new ScreenRect(20, 20, 5, 5)), 1e-9);
        Assert.AreEqual(25.0 / 175.0, a.IoU(new ScreenRect(5, 5, 10, 10)), 1e-9);
    }
}
