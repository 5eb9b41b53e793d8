using ActionAgent.Vision.Ocr;
using ActionAgent.Vision.Tests.Support;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Ocr;

[TestClass]
public sealed class IncrementalOcrTests
{
    private static Mat Screen(string count) =>
        Frames.Blank().Text("Export", 40, 80).Text($"Orders {count}", 600, 400).Text("Reports", 40, 600);

    [TestMethod]
    public void Read_SmallChange_RereadsOnlyTheChangedRegionAndKeepsTheRest()
    {
        var engine = new RecordingOcrEngine(SharedOcr.Engine);
        using var ocr = new IncrementalOcr(engine);
        using var first = Screen("12");
        using var second = Screen("13");

        var full = ocr.Read(first);
        var next = ocr.Read(second);

        Assert.IsFalse(full.Incremental);
        CollectionAssert.AreEqual(new[] { "Export", "Orders 12", "Reports" }, full.Lines.Select(l => l.Text).ToArray());
        Assert.IsTrue(next.Incremental);
        CollectionAssert.AreEqual(new[] { "Export", "Orders 13", "Reports" }, next.Lines.Select(l => l.Text).ToArray());
        var reread = engine.Reads[1];
        Assert.IsTrue(reread.Width * reread.Height < 1280 * 720 / 20, $"re-read {reread} instead of a small region");
        Assert.IsTrue(next.RereadRegions.Single().Contains(620, 392), "the re-read region covers the changed line");
    }

    [TestMethod]
    public void Read_SameFrameAgain_ReadsNothing()
    {
        var engine = new RecordingOcrEngine(SharedOcr.Engine);
        using var ocr = new IncrementalOcr(engine);
        using var first = Screen("12");
        using var again = Screen("12");

        ocr.Read(first);
        var next = ocr.Read(again);

        Assert.HasCount(1, engine.Reads);
        Assert.IsTrue(next.Incremental);
        Assert.HasCount(3, next.Lines);
    }

    [TestMethod]
    public void Read_WholeScreenChanged_ReadsTheFullFrame()
    {
        var engine = new RecordingOcrEngine(SharedOcr.Engine);
        using var ocr = new IncrementalOcr(engine);
        using var first = Screen("12");
        using var other = Frames.Blank(colour: new Scalar(30, 30, 30)).Text("Settings", 100, 100, colour: Scalar.White);

        ocr.Read(first);
        var next = ocr.Read(other);

        Assert.IsFalse(next.Incremental);
        Assert.AreEqual(new Size(1280, 720), engine.Reads[1]);
        Assert.AreEqual("Settings", next.Lines.Single().Text);
    }

    [TestMethod]
    public void Read_TextRemoved_DropsTheOldLine()
    {
        using var ocr = new IncrementalOcr(SharedOcr.Engine);
        using var first = Screen("12");
        using var without = Frames.Blank().Text("Export", 40, 80).Text("Reports", 40, 600);

        ocr.Read(first);
        var next = ocr.Read(without);

        CollectionAssert.AreEqual(new[] { "Export", "Reports" }, next.Lines.Select(l => l.Text).ToArray());
    }
}
