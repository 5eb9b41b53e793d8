using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;
using ActionAgent.Vision.Imaging;
using OpenCvSharp;

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
        var r = await CliProcess.RunAsync(_dir, Timeout, "demo", "--perception", "vision", "--no-goal", "--yes", "--recordings", Path.Combine(_dir, "rec"));

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
    public async Task Run_HybridPerception_RecordsEveryStepsSetOfMarksWithSecretsStillBlack()
    {
        await using var app = await SampleAppServer.StartAsync();
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Sign in with username ops and password ops-pass.", "--url", app.BaseUrl + "/login", "--yes", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        Assert.AreEqual("hybrid", recording.Manifest.Versions["perception"]);
        var shots = recording.Steps.Where(s => s.Observation.ScreenshotFile is not null && s.Observation.ElementCount > 0).ToList();
        Assert.IsTrue(shots.Count >= 3, r.ToString());
        foreach (var step in shots)
        {
            Assert.AreEqual(RecordingSchema.MarkedScreenshotFile(step.Step), step.Observation.MarkedScreenshotFile, $"step {step.Step} has no set-of-marks image");
            using var plain = FrameCodec.Decode(await File.ReadAllBytesAsync(Path.Combine(recording.Directory, step.Observation.ScreenshotFile!)));
            using var marks = FrameCodec.Decode(await File.ReadAllBytesAsync(Path.Combine(recording.Directory, step.Observation.MarkedScreenshotFile!)));
            Assert.AreEqual(plain.Size(), marks.Size());
            using var diff = new Mat();
            Cv2.Absdiff(plain, marks, diff);
            using var grey = diff.CvtColor(ColorConversionCodes.BGR2GRAY);
            Assert.IsTrue(Cv2.CountNonZero(grey) > plain.Width * plain.Height / 500, $"step {step.Step}: the marks image shows no boxes");
        }

        // The marks are drawn on the masked screenshot: the filled password field stays black in them.
        var typed = recording.Steps.ToList().FindIndex(s => s.Target is { InputType: "password" });
        Assert.IsTrue(typed >= 0 && typed + 1 < recording.Steps.Count, r.ToString());
        var field = recording.Steps[typed].Target!.Bounds;
        var after = recording.Steps[typed + 1].Observation;
        using var afterMarks = FrameCodec.Decode(await File.ReadAllBytesAsync(Path.Combine(recording.Directory, after.MarkedScreenshotFile!)));
        var scale = (double)after.ScreenshotWidth / after.CssWidth;
        var centre = afterMarks.At<Vec3b>((int)(field.Center.Y * scale), (int)(field.Center.X * scale));
        Assert.IsTrue(centre.Item0 < 30 && centre.Item1 < 30 && centre.Item2 < 30, $"the password field is not black in the marks image: {centre}");
    }

    [TestMethod]
    public async Task Run_BadRecordMarksValue_ExitsWithBadInputBeforeStarting()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "http://127.0.0.1:9/", "--record-marks", "sometimes", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "--record-marks must be always, drawn or never, got \"sometimes\"", r.ToString());
        Assert.IsFalse(Directory.Exists(Path.Combine(_dir, "rec")));
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
