using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Perception;

[TestClass]
public sealed class ObservationTests
{
    [TestMethod]
    public void MarkedScreenshot_WithRenderer_IsDrawnOnFirstReadOnlyOnceAndSurvivesWith()
    {
        var draws = 0;
        var observation = new Observation
        {
            Url = "http://app.test/",
            Geometry = ViewportGeometry.Identity(800, 600),
            MarkedScreenshotRenderer = new Lazy<ReadOnlyMemory<byte>>(() =>
            {
                draws++;
                return new byte[] { 1, 2, 3 };
            }),
        };
        var copy = observation with { Url = "http://app.test/other" };
        Assert.AreEqual(0, draws, "nothing is drawn until someone reads the marks");

        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, observation.MarkedScreenshot.ToArray());
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, copy.MarkedScreenshot.ToArray());
        Assert.AreEqual(1, draws);
    }

    [TestMethod]
    public void MarkedScreenshot_GivenOutright_WinsOverTheRenderer()
    {
        var observation = new Observation
        {
            Url = "http://app.test/",
            Geometry = ViewportGeometry.Identity(800, 600),
            MarkedScreenshot = new byte[] { 9 },
            MarkedScreenshotRenderer = new Lazy<ReadOnlyMemory<byte>>(() => throw new InvalidOperationException("must not draw")),
        };

        CollectionAssert.AreEqual(new byte[] { 9 }, observation.MarkedScreenshot.ToArray());
        Assert.IsTrue(new Observation { Url = "http://app.test/", Geometry = ViewportGeometry.Identity(800, 600) }.MarkedScreenshot.IsEmpty);
    }
}
