using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Tests.Support;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Imaging;

[TestClass]
public sealed class ChangeDetectorTests
{
    private readonly ChangeDetector detector = new();

    [TestMethod]
    public void Detect_TextAppearsInOnePlace_FindsOneRegionAroundIt()
    {
        using var before = Frames.Blank();
        using var after = Frames.Blank().Text("Saved", 600, 400);

        var change = detector.Detect(before, after);

        Assert.HasCount(1, change.Regions);
        var region = change.Regions[0];
        Assert.IsTrue(region.Contains(610, 390), $"the region {region} should cover the new word at (600,400)");
        Assert.IsTrue(region.Width < 200 && region.Height < 60, $"the region {region} should be about the word's size");
        Assert.IsTrue(change.ChangedFraction is > 0 and < 0.01, $"changed fraction {change.ChangedFraction}");
    }

    [TestMethod]
    public void Detect_TwoDistantChanges_FindsTwoRegionsInReadingOrder()
    {
        using var before = Frames.Blank();
        using var after = Frames.Blank().Fill(900, 500, 80, 30, Scalar.Red).Fill(100, 100, 80, 30, Scalar.Blue);

        var change = detector.Detect(before, after);

        Assert.HasCount(2, change.Regions);
        Assert.IsTrue(change.Regions[0].Contains(140, 115), "the top-left change comes first");
        Assert.IsTrue(change.Regions[1].Contains(940, 515));
    }

    [TestMethod]
    public void Detect_IdenticalFrames_ReportsNoChange()
    {
        using var before = Frames.Blank().Text("Same", 100, 100);
        using var after = Frames.Blank().Text("Same", 100, 100);

        var change = detector.Detect(before, after);

        Assert.IsTrue(change.IsUnchanged);
        Assert.IsEmpty(change.Regions);
        Assert.AreEqual(0, detector.ChangedFraction(before, after));
    }

    [TestMethod]
    public void Detect_FramesOfDifferentSizes_ReportsTheWholeFrameChanged()
    {
        using var before = Frames.Blank(640, 480);
        using var after = Frames.Blank();

        var change = detector.Detect(before, after);

        Assert.AreEqual(1, change.ChangedFraction);
        Assert.AreEqual(1280, change.Regions[0].Width);
    }

    [TestMethod]
    public void ChangedFraction_HalfTheScreenRepainted_IsAboutHalf()
    {
        using var before = Frames.Blank();
        using var after = Frames.Blank().Fill(0, 0, 640, 720, new Scalar(40, 40, 40));

        Assert.AreEqual(0.5, detector.ChangedFraction(before, after), 0.001);
    }

    [TestMethod]
    public void ChangedFraction_FaintNoiseBelowThreshold_IsIgnored()
    {
        using var before = Frames.Blank(colour: new Scalar(200, 200, 200));
        using var after = Frames.Blank(colour: new Scalar(210, 210, 210));

        Assert.AreEqual(0, detector.ChangedFraction(before, after));
    }
}
