using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Tests.Support;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Imaging;

[TestClass]
public sealed class TemplateFinderTests
{
    [TestMethod]
    public void Find_TemplateCutFromTheScreen_FoundAtItsPlace()
    {
        using var screen = Screen();
        var template = FrameCodec.EncodePng(new Mat(screen, new Rect(600, 300, 150, 44)));

        var hit = TemplateFinder.Default.Find(FrameCodec.EncodePng(screen), template);

        Assert.IsNotNull(hit);
        Assert.AreEqual(600, hit.Pixels.X);
        Assert.AreEqual(300, hit.Pixels.Y);
        Assert.AreEqual(150, hit.Pixels.Width);
        Assert.AreEqual(44, hit.Pixels.Height);
        Assert.IsTrue(hit.Score > 0.95, $"score {hit.Score}");
    }

    [TestMethod]
    public void Find_TemplateMovedOnTheNewScreen_FoundWhereItMoved()
    {
        using var before = Screen();
        var template = FrameCodec.EncodePng(new Mat(before, new Rect(600, 300, 150, 44)));
        var after = Frames.Blank().Text("Orders", 40, 60).Fill(200, 500, 150, 44, new Scalar(200, 120, 40)).Text("Refund", 215, 530, 0.8, Scalar.White).ToPng();

        var hit = TemplateFinder.Default.Find(after, template);

        Assert.IsNotNull(hit);
        Assert.AreEqual(200, hit.Pixels.X, 1);
        Assert.AreEqual(500, hit.Pixels.Y, 1);
    }

    [TestMethod]
    public void Find_TemplateNotOnTheScreen_Null()
    {
        var template = Frames.Blank(160, 50).Fill(5, 5, 150, 40, new Scalar(30, 30, 200)).Text("Delete all", 12, 33, 0.7, Scalar.Yellow).ToPng();

        var hit = TemplateFinder.Default.Find(Screen().ToPng(), template);

        Assert.IsNull(hit, $"nothing resembles the template, got {hit}");
    }

    [TestMethod]
    public void Find_FlatTemplate_Null()
    {
        var template = Frames.Blank(80, 30).ToPng();

        Assert.IsNull(TemplateFinder.Default.Find(Screen().ToPng(), template), "a white crop matches every white area");
    }

    [TestMethod]
    public void Find_TemplateLargerThanScreenOrNotAnImage_Null()
    {
        var screen = Frames.Blank(100, 100).Text("x", 10, 50).ToPng();
        var big = Screen().ToPng();

        Assert.IsNull(TemplateFinder.Default.Find(screen, big));
        Assert.IsNull(TemplateFinder.Default.Find(screen, new byte[] { 1, 2, 3 }));
        Assert.IsNull(TemplateFinder.Default.Find(ReadOnlyMemory<byte>.Empty, screen));
    }

    private static Mat Screen() => Frames.Blank()
        .Text("Orders", 40, 60)
        .Text("Order 1042 shipped", 40, 120, 0.6)
        .Outline(30, 150, 500, 300, Scalar.Gray)
        .Fill(600, 300, 150, 44, new Scalar(200, 120, 40))
        .Text("Refund", 615, 330, 0.8, Scalar.White)
        .Fill(900, 600, 120, 40, new Scalar(60, 60, 60))
        .Text("Cancel", 912, 628, 0.7, Scalar.White);
}
