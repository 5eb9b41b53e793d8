using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Tests.Support;

namespace ActionAgent.Vision.Tests.Imaging;

[TestClass]
public sealed class VisualStabilityWaiterTests
{
    [TestMethod]
    public async Task WaitAsync_StaticScreen_SettlesAfterTwoCaptures()
    {
        var time = new AutoAdvancingTimeProvider();
        var capture = new ScriptedScreenCapture(Frames.Blank().Text("Ready", 100, 100).ToPng(), time);
        var waiter = new VisualStabilityWaiter(capture, time: time);

        using var frame = await waiter.WaitAsync();

        Assert.IsTrue(frame.Settled);
        Assert.AreEqual(2, frame.Captures);
        Assert.IsNull(frame.Note);
        Assert.AreEqual(1280, frame.Image.Width);
        Assert.IsTrue(time.Elapsed < TimeSpan.FromMilliseconds(200), $"settling a static screen took {time.Elapsed}");
    }

    [TestMethod]
    public async Task WaitAsync_ScreenStopsChangingAfterLoading_ReturnsTheFinalFrame()
    {
        var time = new AutoAdvancingTimeProvider();
        byte[] loading = Frames.Blank().Text("Loading", 100, 100).ToPng();
        byte[] half = Frames.Blank().Text("Loading", 100, 100).Fill(100, 200, 600, 100, new OpenCvSharp.Scalar(230, 230, 230)).ToPng();
        byte[] done = Frames.Blank().Text("Orders", 100, 100).Fill(100, 200, 600, 300, new OpenCvSharp.Scalar(230, 230, 230)).ToPng();
        var capture = new ScriptedScreenCapture([loading, half, done], time);
        var waiter = new VisualStabilityWaiter(capture, time: time);

        using var frame = await waiter.WaitAsync();

        Assert.IsTrue(frame.Settled);
        Assert.AreEqual(4, frame.Captures, "loading, half, done, done");
        CollectionAssert.AreEqual(done, frame.Png.ToArray());
    }

    [TestMethod]
    public async Task WaitAsync_EndlessAnimation_StopsAtTheTimeoutWithANote()
    {
        var time = new AutoAdvancingTimeProvider();
        var capture = new AnimatedScreenCapture(i => Frames.Blank().Fill(i * 37 % 1000, 100, 200, 200, OpenCvSharp.Scalar.Blue).ToPng(), time);
        var waiter = new VisualStabilityWaiter(capture, time: time);

        using var frame = await waiter.WaitAsync();

        Assert.IsFalse(frame.Settled);
        Assert.IsTrue(time.Elapsed >= TimeSpan.FromSeconds(2) && time.Elapsed < TimeSpan.FromSeconds(2.2), $"waited {time.Elapsed}");
        StringAssert.StartsWith(frame.Note, "the page did not settle within 2 s");
        Assert.IsTrue(capture.Captures > 10);
    }

    [TestMethod]
    public async Task WaitAsync_ShorterTimeout_IsHonoured()
    {
        var time = new AutoAdvancingTimeProvider();
        var capture = new AnimatedScreenCapture(i => Frames.Blank().Fill(i * 37 % 1000, 100, 200, 200, OpenCvSharp.Scalar.Blue).ToPng(), time);
        var waiter = new VisualStabilityWaiter(capture, time: time);

        using var frame = await waiter.WaitAsync(TimeSpan.FromSeconds(1));

        Assert.IsFalse(frame.Settled);
        Assert.IsTrue(time.Elapsed < TimeSpan.FromSeconds(1.2), $"waited {time.Elapsed}");
        StringAssert.StartsWith(frame.Note, "the page did not settle within 1 s");
    }

    [TestMethod]
    public async Task WaitAsync_CaptureThatIsNotAnImage_SaysSo()
    {
        var capture = new ScriptedScreenCapture([1, 2, 3, 4]);
        var waiter = new VisualStabilityWaiter(capture, time: new AutoAdvancingTimeProvider());

        var error = await Assert.ThrowsExactlyAsync<InvalidDataException>(() => waiter.WaitAsync());

        StringAssert.Contains(error.Message, "not a PNG or JPEG image");
    }
}
