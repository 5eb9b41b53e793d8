using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Tests.Support;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Imaging;

[TestClass]
public sealed class SetOfMarksRendererTests
{
    private readonly SetOfMarksRenderer renderer = new();

    [TestMethod]
    public void Render_TwoElements_DrawsColouredBoxesWithNumberTagsAndKeepsTheSize()
    {
        var screenshot = Frames.Blank().ToPng();
        UiElement[] elements =
        [
            new() { Id = 1, Role = "button", Name = "Save", Bounds = new ScreenRect(100, 100, 120, 40) },
            new() { Id = 2, Role = "textbox", Name = "Email", Bounds = new ScreenRect(400, 300, 300, 36) },
        ];

        using var marked = FrameCodec.Decode(renderer.Render(screenshot, elements, ViewportGeometry.Identity(1280, 720)));

        Assert.AreEqual(new Size(1280, 720), marked.Size());
        var edge1 = marked.At<Vec3b>(120, 100);
        var edge2 = marked.At<Vec3b>(318, 400);
        Assert.AreNotEqual(new Vec3b(255, 255, 255), edge1, "element 1 has an outline");
        Assert.AreNotEqual(edge1, edge2, "neighbouring ids get different colours");
        Assert.AreEqual(new Vec3b(255, 255, 255), marked.At<Vec3b>(120, 160), "inside the box stays untouched");
        using var tagArea = marked[new Rect(100, 80, 20, 18)];
        Assert.IsTrue(Cv2.CountNonZero(tagArea.CvtColor(ColorConversionCodes.BGR2GRAY).LessThan(250)) > 100, "a filled number tag sits above the box");
    }

    [TestMethod]
    public void Render_InputRightBelowItsLabel_PutsTheTagWhereItDoesNotHideTheLabel()
    {
        var screenshot = Frames.Blank().ToPng();
        UiElement[] elements =
        [
            new() { Id = 10, Role = "text", Name = "Full name", Bounds = new ScreenRect(40, 117, 80, 20) },
            new() { Id = 13, Role = "textbox", Name = "Full name", Bounds = new ScreenRect(40, 139, 320, 36) },
        ];

        using var marked = FrameCodec.Decode(renderer.Render(screenshot, elements, ViewportGeometry.Identity(1280, 720)));

        using var labelInside = marked[new Rect(43, 120, 74, 14)];
        Assert.AreEqual(74 * 14, Cv2.CountNonZero(labelInside.CvtColor(ColorConversionCodes.BGR2GRAY).GreaterThan(250)), "nothing drawn over the label");
    }

    [TestMethod]
    public void Render_LabelThatIsNoElement_IsNotHiddenByTheTagOfTheFieldBelowIt()
    {
        // DOM perception: the field is an element, its label above it is only page text.
        using var page = Frames.Blank().Text("Amount", 300, 132, 0.5).Outline(300, 139, 320, 36, new Scalar(120, 120, 120));
        UiElement[] elements = [new() { Id = 16, Role = "spinbutton", Name = "Amount", Bounds = new ScreenRect(300, 139, 320, 36) }];

        using var marked = FrameCodec.Decode(renderer.Render(FrameCodec.EncodePng(page), elements, ViewportGeometry.Identity(1280, 720)));

        using var before = page[new Rect(298, 118, 80, 18)];
        using var after = marked[new Rect(298, 118, 80, 18)];
        using var diff = new Mat();
        Cv2.Absdiff(before, after, diff);
        Assert.AreEqual(0, Cv2.CountNonZero(diff.CvtColor(ColorConversionCodes.BGR2GRAY)), "the label's pixels are untouched");
        // The tag is still drawn, beside the field: outside the label and the field's own box.
        using var all = new Mat();
        Cv2.Absdiff(page, marked, all);
        using var changed = all.CvtColor(ColorConversionCodes.BGR2GRAY).GreaterThan(0).ToMat();
        changed[new Rect(296, 136, 328, 42)].SetTo(Scalar.Black);
        Assert.IsTrue(Cv2.CountNonZero(changed) > 100, "a number tag is drawn next to the field");
    }

    [TestMethod]
    public void Render_CssBoxesOnAHighDpiScreenshot_AreScaledToScreenshotPixels()
    {
        var screenshot = Frames.Blank(2560, 1440).ToPng();
        UiElement[] elements = [new() { Id = 5, Role = "button", Bounds = new ScreenRect(100, 100, 100, 50) }];

        using var marked = FrameCodec.Decode(renderer.Render(screenshot, elements, new ViewportGeometry(1280, 720, 2, 2560, 1440)));

        Assert.AreNotEqual(new Vec3b(255, 255, 255), marked.At<Vec3b>(250, 200), "outline at 2x the CSS position");
        Assert.AreEqual(new Vec3b(255, 255, 255), marked.At<Vec3b>(125, 100), "nothing at the unscaled position");
    }

    [TestMethod]
    public void Highlight_OneTarget_KeepsItBrightAndDimsTheRest()
    {
        var screenshot = Frames.Blank().ToPng();

        using var image = FrameCodec.Decode(renderer.Highlight(screenshot, new ScreenRect(500, 300, 200, 60), ViewportGeometry.Identity(1280, 720), "#4 Delete"));

        Assert.AreEqual(new Vec3b(255, 255, 255), image.At<Vec3b>(330, 600), "the target is as it was");
        Assert.IsTrue(image.At<Vec3b>(600, 100).Item0 < 160, "the rest is dimmed");
        var outline = image.At<Vec3b>(297, 600);
        Assert.IsTrue(outline.Item2 > 200 && outline.Item0 < 60, "a red outline surrounds the target");
    }
}
