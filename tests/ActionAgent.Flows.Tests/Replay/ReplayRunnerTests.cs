using ActionAgent.Core.Approval;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Expectations;
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
        var runner = new FlowRunner(new FakeSessionFactory(_ => new FakeSession(Paint(FakeApp.Orders(), painted))), new InstructionDecider(), new FlowRunnerOptions { RecordingsRoot = Path.Combine(_root, "recorded") }, TimeProvider.System, NullLoggerFactory.Instance);
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
        new(new FakeSessionFactory(_ => new FakeSession(app)), new ReplayOptions { RecordingsRoot = Path.Combine(_root, "replays"), BaseUrl = baseUrl, TargetTimeout = TimeSpan.FromMilliseconds(300) }, TimeProvider.System, NullLoggerFactory.Instance);

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

    /// <summary>The orders page shows only "Loading…" (no search box) for its first <paramref name="loading"/> after it opens.</summary>
    private static FakeApp SlowOrders(TimeSpan loading)
    {
        var app = FakeApp.Orders();
        System.Diagnostics.Stopwatch? opened = null;
        var orders = new FakePage("Orders", "Orders\nSearch orders",
        [
            new FakeElement("textbox", "Search orders", new ScreenRect(100, 80, 300, 30)),
            new FakeElement("button", "Search", new ScreenRect(420, 80, 80, 30)),
        ]);
        return app.Route("/orders", _ =>
        {
            opened ??= System.Diagnostics.Stopwatch.StartNew();
            return opened.Elapsed < loading ? new FakePage("Orders", "Orders\nLoading…", []) : orders;
        });
    }

    [TestMethod]
    public async Task RunAsync_TargetAppearsLate_WaitsForItInsteadOfFailing()
    {
        var recording = await RecordAsync();

        var report = await Replayer(SlowOrders(TimeSpan.FromMilliseconds(150))).RunAsync(recording);

        Assert.IsTrue(report.Passed, report.Summary);
        var search = report.Steps[3];
        Assert.AreEqual(DriftSeverity.None, search.Severity, string.Join("; ", search.Differences));
        Assert.IsTrue(search.ReplayStep > 4, $"waits come before the search step, which was replay step {search.ReplayStep}");
        var replay = RunRecording.Load(report.ReplayRecordingPath!);
        Assert.IsTrue(replay.Steps.Any(s => s.Proposal.Action is WaitAction && s.Proposal.Reason.Contains("not on the page yet", StringComparison.Ordinal)),
            "the replay recording shows why it waited");
    }

    [TestMethod]
    public async Task RunAsync_TargetNeverAppears_FailsAfterTheTargetTimeoutSayingHowLongItWaited()
    {
        var recording = await RecordAsync();

        var report = await Replayer(SlowOrders(TimeSpan.FromMinutes(5))).RunAsync(recording);

        Assert.IsFalse(report.Passed);
        var search = report.Steps[3];
        Assert.AreEqual(DriftSeverity.Major, search.Severity);
        StringAssert.Contains(search.Differences[0], "the recorded target textbox \"Search orders\"");
        StringAssert.Matches(search.Differences[0], new System.Text.RegularExpressions.Regex(@"waited 0\.[34] s for it"));
    }

    [TestMethod]
    public async Task RunAsync_ScreenStillLoading_WaitsUntilItLooksAsRecorded()
    {
        var recording = await RecordAsync();
        // The search box is there at once, but the page still looks different (a list still loading) for 200 ms.
        var app = FakeApp.Orders();
        System.Diagnostics.Stopwatch? opened = null;
        var box = new FakeElement("textbox", "Search orders", new ScreenRect(100, 80, 300, 30));
        app.Route("/orders", a =>
        {
            opened ??= System.Diagnostics.Stopwatch.StartNew();
            var loaded = opened.Elapsed >= TimeSpan.FromMilliseconds(200);
            return new FakePage("Orders", loaded ? "Orders\nSearch orders" : "Orders\nLoading…", [box, new FakeElement("button", "Search", new ScreenRect(420, 80, 80, 30))]);
        });
        var replayer = new ReplayRunner(new FakeSessionFactory(_ => new FakeSession(app)), new ReplayOptions { RecordingsRoot = null, LookAlikeTimeout = TimeSpan.FromSeconds(5) }, TimeProvider.System, NullLoggerFactory.Instance)
        {
            Comparer = new ExactComparer(),
        };

        var report = await replayer.RunAsync(recording);

        Assert.IsTrue(report.Passed, report.Summary);
        Assert.AreEqual(0, report.MinorDrifts, string.Join("; ", report.Steps.SelectMany(s => s.Differences)));
        Assert.AreEqual(0d, report.Steps[3].ScreenshotDifference);
    }

    [TestMethod]
    public async Task RunAsync_ScreenNeverLooksAsRecorded_GoesAheadAfterTheLookAlikeTimeoutAndReportsDrift()
    {
        var recording = await RecordAsync();
        var app = FakeApp.Orders();
        app.Route("/orders", a => new FakePage("Orders", "Orders\nNew banner: sale!", [new FakeElement("textbox", "Search orders", new(100, 80, 300, 30))]));
        var replayer = new ReplayRunner(new FakeSessionFactory(_ => new FakeSession(app)), new ReplayOptions { RecordingsRoot = null, LookAlikeTimeout = TimeSpan.FromMilliseconds(200) }, TimeProvider.System, NullLoggerFactory.Instance)
        {
            Comparer = new ExactComparer(),
        };

        var report = await replayer.RunAsync(recording);

        Assert.IsTrue(report.Passed, report.Summary);
        Assert.AreEqual(DriftSeverity.Minor, report.Steps[3].Severity);
        Assert.AreEqual(1d, report.Steps[3].ScreenshotDifference);
    }

    /// <summary>Byte equality, but not the fallback type (which the replay does not wait on).</summary>
    private sealed class ExactComparer : IImageComparer
    {
        public ImageComparison Compare(ReadOnlyMemory<byte> expectedPng, ReadOnlyMemory<byte> actualPng) =>
            ByteEqualityImageComparer.Instance.Compare(expectedPng, actualPng) with { Method = "exact" };
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
