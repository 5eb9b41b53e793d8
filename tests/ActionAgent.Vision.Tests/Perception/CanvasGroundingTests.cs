using ActionAgent.Core.Perception;
using ActionAgent.Vision.Perception;
using ActionAgent.Vision.Tests.Support;

namespace ActionAgent.Vision.Tests.Perception;

[TestClass]
public sealed class CanvasGroundingTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(PerceptionMode.Hybrid)]
    [DataRow(PerceptionMode.Vision)]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task ObserveAsync_CanvasToolbar_ExportIsFoundByItsTextAndClickingItsCentreHitsTheButton(PerceptionMode mode)
    {
        using var server = new LoopbackServer(new Dictionary<string, string> { ["/app"] = TestPages.CanvasApp });
        var page = await SharedBrowser.NewPageAsync();
        await page.GotoAsync(server.Url("/app"));
        await page.EvaluateAsync("() => document.fonts.ready");
        using var perceiver = new FusedPerceiver(new PlaywrightDomPerceiver(page), new PlaywrightScreenCapture(page), SharedOcr.Engine, new FusedPerceptionOptions { Mode = mode });

        var observation = await perceiver.ObserveAsync(TestContext.CancellationToken);
        TestContext.WriteLine($"{mode}: {perceiver.LastTimings}");

        // "Click the Export button": ground on the element whose name is what the button shows.
        var list = string.Join("\n", observation.Elements);
        var export = observation.Elements.SingleOrDefault(e => string.Equals(e.Name, "Export", StringComparison.OrdinalIgnoreCase));
        Assert.IsNotNull(export, $"one element named Export among:\n{list}");
        Assert.IsTrue((export.Source & ElementSource.Ocr) != 0, $"Export came from OCR: {export}");
        var (x, y) = export.Bounds.Center;
        await page.Mouse.ClickAsync((float)x, (float)y);
        var clicks = await page.EvaluateAsync<string?[]>("() => window.clicks");
        CollectionAssert.AreEqual(new[] { "Export" }, clicks, $"clicking the centre of {export} should hit the drawn Export button");

        var accept = observation.Elements.SingleOrDefault(e => e.Role == "checkbox" && e.Name.StartsWith("Accept terms", StringComparison.Ordinal));
        Assert.IsNotNull(accept, $"the checkbox named by its label among:\n{list}");
        Assert.IsFalse(accept.Checked);
        Assert.IsFalse(observation.MarkedScreenshot.IsEmpty);
        if (mode == PerceptionMode.Hybrid)
        {
            var canvas = observation.Elements.Single(e => e.Role == "canvas");
            Assert.AreEqual(ElementSource.Dom | ElementSource.Ocr, canvas.Source);
            StringAssert.Contains(canvas.Text, "Export");
        }
        else
        {
            Assert.IsFalse(observation.Elements.Any(e => e.Role == "canvas"), "vision mode has no DOM elements");
        }
    }
}
