using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Vision;

/// <summary>The real CLI with <c>--perception vision</c>: the page is seen from its pixels only (OCR + shapes).</summary>
[TestClass]
[DoNotParallelize]
public sealed class VisionCliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-vision-cli-");
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public async Task Demo_VisionPerception_FilesTheRefundOnceFromPixelsOnly()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "demo", "--perception", "vision", "--yes", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "the sample app recorded 1 refund(s)", r.ToString());
        StringAssert.Contains(r.StdOut, "order 1042 42.00 Damaged item", r.ToString());
        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        Assert.AreEqual(RunStatus.Completed, recording.Manifest.Status);
        Assert.AreEqual("vision", recording.Manifest.Versions["perception"]);
        var submit = recording.Steps.Single(s => s.Target?.Name == "Submit refund");
        Assert.IsTrue(submit.Verdict!.NeedsApproval, "the submit must have been held for approval");

        // Grounding used pixels only: every element the steps acted on came from OCR or shapes, never the DOM.
        var targets = recording.Steps.Where(s => s.Target is not null).Select(s => s.Target!).ToList();
        Assert.IsTrue(targets.Count >= 8, $"expected the form steps to have targets, got {targets.Count}");
        foreach (var target in targets)
        {
            Assert.IsFalse(target.Source.HasFlag(ElementSource.Dom), $"a target came from the DOM: {target}");
        }
    }

    [TestMethod]
    public async Task Run_VisionPerception_ClicksTheExportButtonDrawnOnTheCanvas()
    {
        await using var app = await SampleAppServer.StartAsync();
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Sign in with username ops and password ops-pass. Click the Export button", "--url", app.BaseUrl + "/reports", "--perception", "vision", "--yes", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        // /reports sends the browser to the login page first and back after signing in; the toolbar is pixels only.
        CollectionAssert.AreEqual(new[] { "Export" }, app.State.CanvasClicks.ToArray(), r.ToString());
    }

    [TestMethod]
    public async Task Run_VisionPerceptionWithoutModels_ExitsWithBadInputAndTheInstallHint()
    {
        var missing = Path.Combine(_dir, "no-models-here");
        var r = await CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["ACTIONAGENT_MODELS"] = missing },
            "run", "Click Orders", "--url", "http://127.0.0.1:9/", "--perception", "vision", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "bash scripts/setup.sh", r.ToString());
        StringAssert.Contains(r.StdErr, missing, r.ToString());
        Assert.IsFalse(Directory.Exists(Path.Combine(_dir, "rec")), "no run may start without the models");
    }

    [TestMethod]
    public async Task Run_DefaultHybridWithoutModels_WarnsOnceAndRunsOnTheDom()
    {
        await using var app = await SampleAppServer.StartAsync();
        var r = await CliProcess.RunAsync(_dir, Timeout, new Dictionary<string, string?> { ["ACTIONAGENT_MODELS"] = Path.Combine(_dir, "no-models-here") },
            "run", "Sign in with username ops and password ops-pass.", "--url", app.BaseUrl + "/login", "--yes", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        var warnings = r.StdErr.Split('\n').Count(l => l.Contains("bash scripts/setup.sh", StringComparison.Ordinal));
        Assert.AreEqual(1, warnings, r.ToString());
        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        StringAssert.StartsWith(recording.Manifest.Versions["perception"], "dom");
    }
}
