using ActionAgent.Cli.Hosting.Flows;
using ActionAgent.Core.Perception;
using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Expectations;
using OpenCvSharp;

namespace ActionAgent.Cli.Tests.Flows;

/// <summary>The OpenCV image hooks through the flows' interfaces: visual-region expectations and template search.</summary>
[TestClass]
public sealed class OpenCvFlowImagingTests
{
    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"aa-opencv-flows-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public void Check_VisualRegion_PassesOnTheSamePageAndFailsWhenTheRegionChanged()
    {
        var page = Page(banner: "Refund filed");
        var baseline = Path.Combine(_dir, "banner.png");
        var region = new VisualRegionExpectation("banner", new ScreenRect(100, 40, 300, 60), baseline, 0.01) { Source = "region banner" };
        var update = new ExpectationChecker(OpenCvFlowImaging.Instance, OpenCvFlowImaging.Instance, new ExpectationCheckerOptions { UpdateBaselines = true });
        var checker = new ExpectationChecker(OpenCvFlowImaging.Instance, OpenCvFlowImaging.Instance);

        var created = update.Check(region, Observe(page));
        var same = checker.Check(region, Observe(Page(banner: "Refund filed")));
        var changed = checker.Check(region, Observe(Page(banner: "Refund failed")));

        Assert.IsTrue(created.Passed, created.Message);
        Assert.IsTrue(File.Exists(baseline));
        Assert.IsTrue(same.Passed, same.Message);
        Assert.AreEqual("0.00 % of the region differs", same.Actual);
        Assert.IsFalse(changed.Passed, changed.Message);
        StringAssert.EndsWith(changed.Actual, "of the region differs");
    }

    [TestMethod]
    public void Compare_And_Find_ThroughTheFlowsInterfaces()
    {
        IImageComparer comparer = OpenCvFlowImaging.Instance;
        ITargetCropper cropper = OpenCvFlowImaging.Instance;
        ITemplateMatcher matcher = OpenCvFlowImaging.Instance;
        var page = Page(banner: "Refund filed");

        var identical = comparer.Compare(page, Page(banner: "Refund filed"));
        var changed = comparer.Compare(page, Page(banner: "Refund failed"));
        var broken = comparer.Compare(page, new byte[] { 1, 2, 3 });
        var crop = cropper.Crop(page, new ScreenRect(600, 300, 150, 44));
        var match = matcher.Find(page, crop);

        Assert.AreEqual(0, identical.DifferenceFraction);
        Assert.AreEqual("opencv", identical.Method);
        Assert.IsTrue(changed.DifferenceFraction is > 0 and < 0.01, $"fraction {changed.DifferenceFraction}");
        Assert.IsFalse(changed.DiffImage.IsEmpty);
        Assert.IsFalse(broken.SameSize);
        Assert.AreEqual("opencv (the actual image could not be decoded)", broken.Method);
        Assert.IsTrue(cropper.Crop(page, new ScreenRect(2000, 0, 10, 10)).IsEmpty);
        Assert.IsNotNull(match);
        Assert.AreEqual(new ScreenRect(600, 300, 150, 44), match.Pixels);
        Assert.IsTrue(match.Score > 0.95, $"score {match.Score}");
    }

    private static Observation Observe(byte[] png) => new()
    {
        Url = "http://localhost/orders/1042",
        Geometry = ViewportGeometry.Identity(1280, 720),
        Screenshot = png,
    };

    private static byte[] Page(string banner)
    {
        using var image = new Mat(720, 1280, MatType.CV_8UC3, Scalar.White);
        Cv2.Rectangle(image, new Rect(100, 40, 300, 60), new Scalar(220, 240, 220), -1);
        Cv2.PutText(image, banner, new Point(120, 80), HersheyFonts.HersheySimplex, 0.9, Scalar.Black, 2, LineTypes.AntiAlias);
        Cv2.Rectangle(image, new Rect(600, 300, 150, 44), new Scalar(200, 120, 40), -1);
        Cv2.PutText(image, "Search", new Point(625, 330), HersheyFonts.HersheySimplex, 0.8, Scalar.White, 2, LineTypes.AntiAlias);
        Cv2.PutText(image, "Order 1042 shipped", new Point(100, 200), HersheyFonts.HersheySimplex, 0.6, Scalar.Black, 1, LineTypes.AntiAlias);
        Cv2.ImEncode(".png", image, out var png);
        return png;
    }
}
