using System.Globalization;
using System.Text.Json;
using ActionAgent.Core.Perception;
using ActionAgent.Vision.Imaging;
using ActionAgent.Vision.Tests.Support;
using Microsoft.Playwright;

namespace ActionAgent.Vision.Tests.Imaging;

[TestClass]
public sealed class ElementProposerBrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task Propose_CanvasDrawnForm_FindsAtLeast90PercentOfButtonsInputsAndCheckboxes()
    {
        using var server = new LoopbackServer(new Dictionary<string, string> { ["/app"] = TestPages.CanvasApp });
        var page = await SharedBrowser.NewPageAsync();
        await page.GotoAsync(server.Url("/app"));
        await page.EvaluateAsync("() => document.fonts.ready");
        var truth = await page.EvaluateAsync<JsonElement>("() => window.truth");
        using var image = FrameCodec.Decode(await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png }));
        var text = SharedOcr.Engine.Read(image, TestContext.CancellationToken);

        var proposals = new ElementProposer().Propose(image, text);

        int found = 0, rightRole = 0, total = 0, rightState = 0, checkboxes = 0;
        var matched = new HashSet<ElementProposal>();
        foreach (var control in truth.EnumerateArray())
        {
            total++;
            var box = new ScreenRect(control.GetProperty("x").GetDouble(), control.GetProperty("y").GetDouble(), control.GetProperty("w").GetDouble(), control.GetProperty("h").GetDouble());
            var role = control.GetProperty("role").GetString();
            var best = proposals.MaxBy(p => p.Bounds.IoU(box));
            if (best is null || best.Bounds.IoU(box) < 0.5)
            {
                TestContext.WriteLine($"missed {role} \"{control.GetProperty("label").GetString()}\" at {box}");
                continue;
            }

            found++;
            matched.Add(best);
            rightRole += best.Role == role ? 1 : 0;
            if (role == "checkbox")
            {
                checkboxes++;
                rightState += best.Checked == control.GetProperty("checked").GetBoolean() ? 1 : 0;
            }
        }

        var recall = (double)found / total;
        var precision = proposals.Count == 0 ? 0 : (double)matched.Count / proposals.Count;
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"canvas controls: recall {100 * recall:0.0}% ({found}/{total}), role right {rightRole}/{found}, checkbox state right {rightState}/{checkboxes}, precision {100 * precision:0.0}% ({matched.Count}/{proposals.Count})"));
        Assert.IsGreaterThanOrEqualTo(0.9, recall);
        Assert.IsGreaterThanOrEqualTo(0.9 * found, rightRole);
        Assert.IsGreaterThanOrEqualTo(0.8, precision, "few shapes that are not controls");
        Assert.AreEqual(checkboxes, rightState, "checked and unchecked boxes are told apart");
    }
}
