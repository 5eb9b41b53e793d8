using ActionAgent.Core.Approval;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Replay;
using ActionAgent.Flows.Reporting;
using ActionAgent.Flows.Running;
using ActionAgent.Flows.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Flows.Tests.Replay;

[TestClass]
public sealed class ReplayRunnerTests
{
    private string _root = "";

    [TestInitialize]
    public void Init() => _root = Directory.CreateTempSubdirectory("aa-replay-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    /// <summary>Records the sign-in flow on the normal fake app and returns the recording.</summary>
    private async Task<RunRecording> RecordAsync(bool painted = false)
    {
        var flow = FlowLoader.Parse("""
            name: Sign in
            url: http://app.test/login
            steps:
              - Type ops into Username
              - Type {{secret:OPS_PASSWORD}} into Password
              - Click Sign in
              - Type 1042 into Search orders
            """, "sign-in.yaml");
        var runner = new FlowRunner(new FakeSessionFactory(_ => new FakeSession(Paint(FakeApp.Orders(), painted))), new InstructionDecider(), new AllowAllPolicy(), AutoApprover.ApproveAll,
            new FlowRunnerOptions { RecordingsRoot = Path.Combine(_root, "recorded") }, TimeProvider.System, NullLoggerFactory.Instance);
        var result = (await runner.RunAsync([flow])).Results.Single();
        Assert.IsTrue(result.Passed, result.Message);
        return RunRecording.Load(result.RecordingPath!);
    }

    private static FakeApp Paint(FakeApp app, bool painted)
    {
        app.Painter = painted ? TestPng.Paint : null;
        return app;
    }

    private ReplayRunner Replayer(FakeApp app, string? baseUrl = null) =>
        new(new FakeSessionFactory(_ => new FakeSession(app)), new AllowAllPolicy(), AutoApprover.ApproveAll,
            new ReplayOptions { RecordingsRoot = Path.Combine(_root, "replays"), BaseUrl = baseUrl }, TimeProvider.System, NullLoggerFactory.Instance);

    [TestMethod]
    public async Task RunAsync_SameApp_ReplaysEveryStepWithoutDrift()
    {
        var recording = await RecordAsync();
        var app = FakeApp.Orders();

        var report = await Replayer(app).RunAsync(recording);

        Assert.AreEqual(RunStatus.Completed, report.Status, report.Message);
        Assert.AreEqual(4, report.Steps.Count, "4 actions; the per-instruction done steps are not replayed");
        Assert.IsTrue(report.Steps.All(s => s.Severity == DriftSeverity.None), string.Join("\n", report.Steps.SelectMany(s => s.Differences)));
        Assert.AreEqual(0d, report.Steps[0].ScreenshotDifference);
        Assert.AreEqual("1042", app.Values["Search orders"]);
        Assert.AreEqual(0, report.ExitCode);
        Assert.IsNotNull(report.ReplayRecordingPath);
        Assert.AreEqual("replay", RunRecording.Load(report.ReplayRecordingPath!).Manifest.Decider);
    }

    [TestMethod]
    public async Task RunAsync_NewIdsAndMovedButton_ReResolvesTargetFromDescriptor()
    {
        var recording = await RecordAsync();
        var app = FakeApp.Orders(moved: true);
        app.IdOffset = 500;

        var report = await Replayer(app).RunAsync(recording);

        Assert.IsTrue(report.Passed, report.Summary);
        Assert.AreEqual("/orders", app.Path, "the moved Sign in button was clicked");
        var signIn = report.Steps.Single(s => s.Action.Contains("Sign in", StringComparison.Ordinal));
        Assert.AreEqual("moved", signIn.TargetResolution);
        Assert.AreEqual(DriftSeverity.Minor, signIn.Severity);
        StringAssert.Contains(signIn.Differences[0], "moved from (100,200 100x30) to (420,260 120x36)");
    }

    [TestMethod]
    public async Task RunAsync_RelabelledButton_ReportsMissingTargetAndStopsThere()
    {
        var recording = await RecordAsync();

        var report = await Replayer(FakeApp.Orders(relabelled: true, moved: true)).RunAsync(recording);

        Assert.AreEqual(RunStatus.Failed, report.Status);
        var signIn = report.Steps[2];
        Assert.AreEqual(DriftSeverity.Major, signIn.Severity);
        StringAssert.Contains(signIn.Differences[0], "the recorded target button \"Sign in\"");
        Assert.AreEqual("not replayed: the replay stopped before this step", report.Steps[3].Differences.Single());
        Assert.AreEqual(1, report.ExitCode);
    }

    [TestMethod]
    public async Task RunAsync_ScreenChanged_ReportsMinorScreenshotDrift()
    {
        var recording = await RecordAsync();
        var app = FakeApp.Orders();
        app.Route("/orders", a => new FakePage("Orders", "Orders\nNew banner: sale!", [new FakeElement("textbox", "Search orders", new(100, 80, 300, 30))]));

        var report = await Replayer(app).RunAsync(recording);

        var search = report.Steps[3];
        Assert.AreEqual(DriftSeverity.Minor, search.Severity);
        Assert.AreEqual(1d, search.ScreenshotDifference);
        StringAssert.Contains(search.Differences.Single(), "of the screen differs (bytes)");
        Assert.IsTrue(report.Passed, "minor drift does not fail the replay");
    }

    [TestMethod]
    public async Task RunAsync_OtherBaseUrl_RebasesStartAndComparesPaths()
    {
        var recording = await RecordAsync();
        var app = FakeApp.Orders("http://127.0.0.1:5999");

        var report = await Replayer(app, "http://127.0.0.1:5999").RunAsync(recording);

        Assert.IsTrue(report.Passed, report.Summary);
        Assert.AreEqual("http://127.0.0.1:5999/orders", app.Url);
    }

    [TestMethod]
    public async Task WriteReplay_DriftedReplay_ListsMajorDriftFirstWithBothScreenshots()
    {
        var recording = await RecordAsync(painted: true);
        var app = FakeApp.Orders(relabelled: true, moved: true);
        app.Painter = TestPng.Paint;
        var report = await Replayer(app).RunAsync(recording);
        var path = Path.Combine(_root, "replay.html");

        HtmlReportWriter.WriteReplay(report, path);

        var html = File.ReadAllText(path);
        if (Environment.GetEnvironmentVariable("ACTIONAGENT_REPORT_OUT") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(path, Path.Combine(keep, "replay.html"), overwrite: true);
        }

        Assert.AreEqual(2, report.MajorDrifts);
        Assert.AreEqual(2, report.MinorDrifts, "the moved button changes the login screen of steps 1 and 3");
        var summary = html.IndexOf("Drifted steps (4)", StringComparison.Ordinal);
        Assert.IsTrue(summary > 0 && summary < html.IndexOf("id=\"step-1\"", StringComparison.Ordinal));
        StringAssert.Contains(html, "<li><a href=\"#step-5\">Step 5</a> <span class=\"badge b-bad\">major</span>");
        Assert.IsTrue(html.IndexOf("Step 7</a> <span class=\"badge b-bad\">major", StringComparison.Ordinal) < html.IndexOf("Step 1</a> <span class=\"badge b-warn\">minor", StringComparison.Ordinal), "major drift is listed first");
        StringAssert.Contains(html, "figcaption>replayed — not replayed");
    }

    [TestMethod]
    public async Task RunAsync_RecordingFromOtherSchemaVersion_ThrowsInvalidDataWithAdvice()
    {
        var recording = await RecordAsync();
        var runFile = Path.Combine(recording.Directory, RecordingSchema.RunFile);
        File.WriteAllText(runFile, File.ReadAllText(runFile).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 7", StringComparison.Ordinal));

        var e = await Assert.ThrowsExactlyAsync<InvalidDataException>(() => Replayer(FakeApp.Orders()).RunAsync(recording.Directory));

        StringAssert.Contains(e.Message, "has schemaVersion 7; this ActionAgent reads version 1. Re-record the run");
    }
}
