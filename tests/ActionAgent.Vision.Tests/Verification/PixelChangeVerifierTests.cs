using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Vision.Tests.Support;
using ActionAgent.Vision.Verification;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests.Verification;

[TestClass]
public sealed class PixelChangeVerifierTests
{
    private static readonly ProposedAction Click = new(new ClickAction(ActionTarget.Element(1, "Save")), "save");

    private static Observation Before(byte[] screenshot, params UiElement[] elements) =>
        FixedPerceiver.Page(elements) with { Screenshot = screenshot };

    [TestMethod]
    public async Task VerifyAsync_ClickThatChangedNothing_SaysSoAndStillSucceeds()
    {
        var screen = Frames.Blank().Text("Save", 100, 100).ToPng();
        var verifier = new PixelChangeVerifier(new ScriptedScreenCapture(screen), time: new AutoAdvancingTimeProvider());

        var outcome = await verifier.VerifyAsync(Click, Before(screen), ActionOutcome.Success("clicked #1"));

        Assert.IsTrue(outcome.Succeeded);
        Assert.AreEqual("clicked #1 (the action had no visible effect)", outcome.Message);
        Assert.AreEqual(0, outcome.ChangedFraction);
    }

    [TestMethod]
    public async Task VerifyAsync_ClickThatOpenedAPanel_ReportsHowMuchChanged()
    {
        var before = Frames.Blank().Text("Save", 100, 100).ToPng();
        var after = Frames.Blank().Text("Save", 100, 100).Fill(640, 0, 640, 720, new Scalar(60, 60, 60)).ToPng();
        var verifier = new PixelChangeVerifier(new ScriptedScreenCapture(after), time: new AutoAdvancingTimeProvider());

        var outcome = await verifier.VerifyAsync(Click, Before(before), ActionOutcome.Success("clicked #1"));

        Assert.AreEqual("clicked #1", outcome.Message);
        Assert.AreEqual(0.5, outcome.ChangedFraction!.Value, 0.01);
    }

    [TestMethod]
    public async Task VerifyAsync_ChangeThatShowsLate_IsStillSeen()
    {
        var before = Frames.Blank().Text("Save", 100, 100).ToPng();
        var after = Frames.Blank().Text("Saved", 100, 100).ToPng();
        var time = new AutoAdvancingTimeProvider();
        // The first five captures (about 0.6 s) still show the old page, as when a click waits on the network.
        var capture = new ScriptedScreenCapture([.. Enumerable.Repeat(before, 5), after], time);
        var verifier = new PixelChangeVerifier(capture, time: time);

        var outcome = await verifier.VerifyAsync(Click, Before(before), ActionOutcome.Success("clicked #1"));

        Assert.AreEqual("clicked #1", outcome.Message);
        Assert.IsTrue(outcome.ChangedFraction > 0);
        Assert.IsTrue(time.Elapsed < TimeSpan.FromSeconds(1.1), $"bounded wait, took {time.Elapsed}");
    }

    [TestMethod]
    public async Task VerifyAsync_NothingEverChanges_GivesUpAfterAboutASecond()
    {
        var screen = Frames.Blank().Text("Save", 100, 100).ToPng();
        var time = new AutoAdvancingTimeProvider();
        var verifier = new PixelChangeVerifier(new ScriptedScreenCapture(screen, time), time: time);

        await verifier.VerifyAsync(Click, Before(screen), ActionOutcome.Success("clicked #1"));

        Assert.IsTrue(time.Elapsed >= TimeSpan.FromSeconds(1) && time.Elapsed < TimeSpan.FromSeconds(1.2), $"waited {time.Elapsed}");
    }

    [TestMethod]
    public async Task VerifyAsync_ScrollWithoutChange_IsNotFlagged()
    {
        var screen = Frames.Blank().ToPng();
        var verifier = new PixelChangeVerifier(new ScriptedScreenCapture(screen), time: new AutoAdvancingTimeProvider());

        var outcome = await verifier.VerifyAsync(new ProposedAction(new ScrollAction(0, 300), "look"), Before(screen), ActionOutcome.Success("scrolled"));

        Assert.AreEqual("scrolled", outcome.Message);
        Assert.AreEqual(0, outcome.ChangedFraction);
    }

    [TestMethod]
    public async Task VerifyAsync_FailedAction_IsLeftAlone()
    {
        var capture = new ScriptedScreenCapture(Frames.Blank().ToPng());
        var verifier = new PixelChangeVerifier(capture, time: new AutoAdvancingTimeProvider());
        var failed = ActionOutcome.Failed("target gone");

        var outcome = await verifier.VerifyAsync(Click, Before(Frames.Blank().ToPng()), failed);

        Assert.AreSame(failed, outcome);
        Assert.AreEqual(0, capture.Captures, "nothing to compare after a failure");
    }

    [TestMethod]
    public async Task VerifyAsync_MaskedPasswordFieldInTheObservation_DoesNotCountAsAChange()
    {
        var raw = Frames.Blank().Outline(40, 120, 300, 40, Scalar.Gray).Text("********", 50, 150).ToPng();
        var masked = Frames.Blank().Fill(40, 120, 300, 40, Scalar.Black).ToPng();
        var password = new UiElement { Id = 1, Role = "textbox", IsSecret = true, Bounds = new ScreenRect(40, 120, 300, 40) };
        var verifier = new PixelChangeVerifier(new ScriptedScreenCapture(raw), time: new AutoAdvancingTimeProvider());

        var outcome = await verifier.VerifyAsync(new ProposedAction(new PressKeyAction("Tab"), "next"), Before(masked, password), ActionOutcome.Success("pressed Tab"));

        StringAssert.EndsWith(outcome.Message, "(the action had no visible effect)");
    }

    [TestMethod]
    public async Task VerifyAsync_NavigationWithIdenticalPixels_IsNotFlagged()
    {
        var screen = Frames.Blank().ToPng();
        var verifier = new PixelChangeVerifier(new ScriptedScreenCapture(screen), time: new AutoAdvancingTimeProvider());

        var outcome = await verifier.VerifyAsync(Click, Before(screen), ActionOutcome.Success("clicked") with { UrlAfter = "http://127.0.0.1/next" });

        Assert.AreEqual("clicked", outcome.Message);
    }
}
