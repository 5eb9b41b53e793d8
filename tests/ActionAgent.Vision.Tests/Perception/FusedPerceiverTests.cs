using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Perception;
using ActionAgent.Vision.Tests.Support;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Perception;

[TestClass]
public sealed class FusedPerceiverTests
{
    private static readonly UiElement DomButton = new() { Id = 7, Role = "button", Name = "Sign in", Tag = "button", Bounds = new ScreenRect(900, 600, 120, 40) };

    private static byte[] ToolbarScreen(string status = "Ready") =>
        Frames.Blank()
            .Fill(40, 20, 120, 44, new Scalar(200, 100, 30)).Text("Export", 55, 50, 0.7, Scalar.White)
            .Outline(40, 120, 360, 36, new Scalar(120, 120, 120))
            .Text(status, 40, 400)
            .ToPng();

    private static FusedPerceiver Perceiver(IScreenCapture capture, Observation dom, PerceptionMode mode, AutoAdvancingTimeProvider? time = null) =>
        new(new FixedPerceiver(dom), capture, SharedOcr.Engine, new FusedPerceptionOptions { Mode = mode }, time: time ?? new AutoAdvancingTimeProvider());

    [TestMethod]
    public async Task ObserveAsync_VisionMode_UsesNoDomElementsAndNumbersFromOne()
    {
        var time = new AutoAdvancingTimeProvider();
        using var perceiver = Perceiver(new ScriptedScreenCapture(ToolbarScreen(), time), FixedPerceiver.Page(DomButton), PerceptionMode.Vision, time);

        var observation = await perceiver.ObserveAsync();

        Assert.IsTrue(observation.Elements.All(e => (e.Source & ElementSource.Dom) == 0), "no DOM element in vision mode");
        Assert.IsFalse(observation.Elements.Any(e => e.Name == "Sign in"));
        CollectionAssert.AreEqual(Enumerable.Range(1, observation.Elements.Count).ToArray(), observation.Elements.Select(e => e.Id).ToArray());
        var export = observation.Elements.Single(e => e.Name == "Export");
        Assert.AreEqual("button", export.Role);
        Assert.IsTrue(export.Bounds.Contains(100, 42), $"Export's box {export.Bounds} should be the drawn button at (40,20 120x44)");
        Assert.IsTrue(observation.Elements.Any(e => e.Role == "textbox"), "the outlined box is an input");
        Assert.IsTrue(observation.Elements.Any(e => e.Role == "text" && e.Name == "Ready"));
        StringAssert.Contains(observation.VisibleText, "Ready");
        Assert.IsFalse(observation.Screenshot.IsEmpty, "the settled frame becomes the screenshot when the DOM side has none");
        Assert.IsFalse(observation.MarkedScreenshot.IsEmpty);
        Assert.IsEmpty(observation.Notes);
    }

    [TestMethod]
    public async Task ObserveAsync_HybridMode_KeepsDomElementsAndAddsWhatOnlyPixelsShow()
    {
        var time = new AutoAdvancingTimeProvider();
        using var perceiver = Perceiver(new ScriptedScreenCapture(ToolbarScreen(), time), FixedPerceiver.Page(DomButton) with { VisibleText = "Sign in" }, PerceptionMode.Hybrid, time);

        var observation = await perceiver.ObserveAsync();

        var signIn = observation.Elements.Single(e => e.Name == "Sign in");
        Assert.AreEqual(7, signIn.Id);
        Assert.AreEqual(ElementSource.Dom, signIn.Source);
        var export = observation.Elements.Single(e => e.Name == "Export");
        Assert.AreEqual(ElementSource.Ocr, export.Source, "with DOM elements present, shapes outside canvases are left out");
        Assert.IsTrue(export.Id > 7);
        StringAssert.Contains(observation.VisibleText, "Export", "text only the pixels show is added to the visible text");
    }

    [TestMethod]
    public async Task ObserveAsync_HybridMode_DoesNotReadTextInsideALabelledControlUnlessAsked()
    {
        // The DOM names the drawn "Export" button "Download"; the status line has no DOM element.
        var labelled = new UiElement { Id = 3, Role = "button", Name = "Download", Tag = "button", Bounds = new ScreenRect(40, 20, 120, 44) };
        foreach (var readLabelled in new[] { false, true })
        {
            var time = new AutoAdvancingTimeProvider();
            using var perceiver = new FusedPerceiver(new FixedPerceiver(FixedPerceiver.Page(labelled)), new ScriptedScreenCapture(ToolbarScreen(), time), SharedOcr.Engine,
                new FusedPerceptionOptions { Mode = PerceptionMode.Hybrid, ReadLabelledControls = readLabelled, IncrementalOcr = false }, time: time);

            var observation = await perceiver.ObserveAsync();

            Assert.AreEqual(readLabelled, observation.VisibleText.Contains("Export", StringComparison.Ordinal),
                $"ReadLabelledControls={readLabelled}: the text on the labelled button is read only when asked; visible text: {observation.VisibleText}");
            StringAssert.Contains(observation.VisibleText, "Ready", "text outside DOM controls is always read");
            Assert.AreEqual("Download", observation.Elements.Single(e => e.Id == 3).Name, "the DOM's name stays");
        }
    }

    [TestMethod]
    public async Task ObserveAsync_DomMode_PassesElementsThroughUntouched()
    {
        var inner = FixedPerceiver.Page(DomButton) with { Screenshot = ToolbarScreen() };
        using var perceiver = Perceiver(new ScriptedScreenCapture(ToolbarScreen()), inner, PerceptionMode.Dom);

        var observation = await perceiver.ObserveAsync();

        Assert.AreSame(inner.Elements, observation.Elements);
        Assert.IsFalse(observation.MarkedScreenshot.IsEmpty, "marks are still drawn for the prompt");
    }

    [TestMethod]
    public async Task ObserveAsync_BlankAndBlackFrames_GiveNoElementsAndANote()
    {
        foreach (var (colour, expected) in new[] { (Scalar.White, "blank"), (Scalar.Black, "all black") })
        {
            var time = new AutoAdvancingTimeProvider();
            using var perceiver = Perceiver(new ScriptedScreenCapture(Frames.Blank(colour: colour).ToPng(), time), FixedPerceiver.Page(), PerceptionMode.Vision, time);

            var observation = await perceiver.ObserveAsync();

            Assert.IsEmpty(observation.Elements);
            Assert.IsTrue(observation.Notes.Any(n => n.Contains(expected, StringComparison.Ordinal)), $"notes: {string.Join("; ", observation.Notes)}");
        }
    }

    [TestMethod]
    public async Task ObserveAsync_ScreenThatNeverSettles_WaitsTwoSecondsAndSaysSo()
    {
        var time = new AutoAdvancingTimeProvider();
        var capture = new AnimatedScreenCapture(i => Frames.Blank().Fill(i * 41 % 900, 300, 200, 200, Scalar.Blue).Text("Loading", 40, 100).ToPng(), time);
        using var perceiver = Perceiver(capture, FixedPerceiver.Page(), PerceptionMode.Hybrid, time);

        var observation = await perceiver.ObserveAsync();

        Assert.IsTrue(observation.Notes.Any(n => n.StartsWith("the page did not settle within 2 s", StringComparison.Ordinal)), $"notes: {string.Join("; ", observation.Notes)}");
        Assert.IsTrue(time.Elapsed < TimeSpan.FromSeconds(2.2), $"waited {time.Elapsed}");
        Assert.IsTrue(observation.Elements.Any(e => e.Name == "Loading"), "the last frame is still read");
    }

    [TestMethod]
    public async Task ObserveAsync_HugeFrame_IsScaledDownWithANoteAndCssBoxesStayRight()
    {
        using var huge = new Mat(3000, 6000, MatType.CV_8UC3, Scalar.White);
        Cv2.PutText(huge, "Export", new Point(3000, 1500), HersheyFonts.HersheySimplex, 4, Scalar.Black, 8, LineTypes.AntiAlias);
        var time = new AutoAdvancingTimeProvider();
        var dom = FixedPerceiver.Page() with { Geometry = new ViewportGeometry(3000, 1500, 2, 6000, 3000) };
        using var perceiver = new FusedPerceiver(
            new FixedPerceiver(dom), new ScriptedScreenCapture(FrameCodec.EncodePng(huge), time), SharedOcr.Engine,
            new FusedPerceptionOptions { Mode = PerceptionMode.Vision, MaxFramePixels = 2000L * 1000 }, time: time);

        var observation = await perceiver.ObserveAsync();

        Assert.IsTrue(observation.Notes.Any(n => n.Contains("6000x3000", StringComparison.Ordinal) && n.Contains("scaled down", StringComparison.Ordinal)), $"notes: {string.Join("; ", observation.Notes)}");
        var export = observation.Elements.Single(e => e.Name == "Export");
        Assert.IsTrue(export.Bounds.Contains(1600, 735), $"Export {export.Bounds} should sit near CSS (1500..1720, 700..750)");
    }

    [TestMethod]
    public async Task ObserveAsync_SecretField_IsNeverRead()
    {
        var time = new AutoAdvancingTimeProvider();
        var screen = Frames.Blank().Text("Password", 40, 100).Outline(40, 120, 300, 40, new Scalar(120, 120, 120)).Text("hunter2", 50, 150).ToPng();
        var password = new UiElement { Id = 1, Role = "textbox", Name = "Password", InputType = "password", IsSecret = true, Bounds = new ScreenRect(40, 120, 300, 40) };
        using var perceiver = Perceiver(new ScriptedScreenCapture(screen, time), FixedPerceiver.Page(password), PerceptionMode.Vision, time);

        var observation = await perceiver.ObserveAsync();

        Assert.IsFalse(observation.Elements.Any(e => e.Label.Contains("hunter2", StringComparison.Ordinal)));
        Assert.IsFalse(observation.VisibleText.Contains("hunter2", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task ObserveAsync_SmallChangeAfterAnObservation_RereadsOnlyThatPart()
    {
        var time = new AutoAdvancingTimeProvider();
        var capture = new ScriptedScreenCapture(ToolbarScreen("Ready"), time);
        using var perceiver = Perceiver(capture, FixedPerceiver.Page(), PerceptionMode.Vision, time);

        await perceiver.ObserveAsync();
        capture.Override = ToolbarScreen("Saved");
        var observation = await perceiver.ObserveAsync();

        Assert.IsTrue(perceiver.LastTimings!.IncrementalOcr);
        Assert.IsTrue(observation.Elements.Any(e => e.Name == "Saved"));
        Assert.IsFalse(observation.Elements.Any(e => e.Name == "Ready"));
        Assert.IsTrue(observation.Elements.Any(e => e.Name == "Export"), "text outside the change is kept");
    }
}
