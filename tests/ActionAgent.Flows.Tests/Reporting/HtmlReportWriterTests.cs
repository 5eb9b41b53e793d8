using ActionAgent.Core.Approval;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Reporting;
using ActionAgent.Flows.Running;
using ActionAgent.Flows.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Flows.Tests.Reporting;

[TestClass]
public sealed class HtmlReportWriterTests
{
    private string _root = "";

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Init() => _root = Directory.CreateTempSubdirectory("aa-report-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    private const string Passing = """
        name: Sign in and search
        url: http://app.test/login
        tags: [smoke]
        steps:
          - Type ops into Username
          - Type hunter2 into Password
          - Click Sign in
          - expect: the URL ends with /orders
          - Type 1042 into Search orders
          - Click Search
        expect:
          - the page shows Order 1042
        """;

    private const string FailingStep = """
        name: Delete all orders
        url: http://app.test/login
        tags: [smoke]
        steps:
          - Type ops into Username
          - Click Sign in
          - Click Delete all orders
        """;

    private const string FailingExpectation = """
        name: Refund confirmation
        url: http://app.test/login
        tags: [refund]
        steps:
          - Type ops into Username
          - Click Sign in
        expect:
          - the page shows Refund filed
          - the URL ends with /orders
        """;

    private Task<FlowSuiteResult> RunAsync(params string[] flows) => RunAsync(MarksRecording.WhenDrawn, flows);

    private Task<FlowSuiteResult> RunAsync(MarksRecording marks, params string[] flows) => RunAsync(() => FakeApp.Orders(), marks, flows);

    private async Task<FlowSuiteResult> RunAsync(Func<FakeApp> app, MarksRecording marks, params string[] flows)
    {
        var options = new FlowRunnerOptions { RecordingsRoot = Path.Combine(_root, "recordings"), ExpectationTimeout = TimeSpan.Zero, Workers = 2 };
        options.Agent.RecordMarks = marks;
        var runner = new FlowRunner(
            new FakeSessionFactory(_ => new FakeSession(WithPainter(app()))),
            new InstructionDecider(), options,
            TimeProvider.System, NullLoggerFactory.Instance);
        return await runner.RunAsync(flows.Select((f, i) => FlowLoader.Parse(f, $"flows/flow{i}.yaml")).ToList());
    }

    private static FakeApp WithPainter(FakeApp app)
    {
        app.Painter = TestPng.Paint;
        app.MarksPainter = (a, p) => new TestPng(1600, 1200).Rect(0, 0, 1600, 1200, 0x102030).Encode();
        return app;
    }

    [TestMethod]
    public async Task Render_MarksRecorded_ShowsEachStepsSetOfMarksBesideItsScreenshot()
    {
        var suite = await RunAsync(MarksRecording.Always, Passing);
        var recording = RunRecording.Load(suite.Results[0].RecordingPath!);

        var html = HtmlReportWriter.Render(recording);

        // The flow recorder renumbers steps across instructions: every marks file it names must exist under that name.
        var withMarks = recording.Steps.Where(s => s.Observation.MarkedScreenshotFile is not null).ToList();
        Assert.AreEqual(recording.Steps.Count, withMarks.Count);
        Assert.IsTrue(withMarks.All(s => s.Observation.MarkedScreenshotFile == RecordingSchema.MarkedScreenshotFile(s.Step)
            && File.Exists(Path.Combine(recording.Directory, s.Observation.MarkedScreenshotFile!))));
        var shown = recording.Steps.Count(s => !s.Proposal.Action.IsTerminal || HtmlReportWriter.IsProblem(s));
        Assert.AreEqual(shown, CountOf(html, "<img alt=\"set-of-marks image of step"));
        StringAssert.Contains(html, "elements the decider could choose, numbered by id");
    }

    [TestMethod]
    [DataRow(0.002, "under 1 %")]
    [DataRow(0.12, "12 %")]
    [DataRow(0.0, "0 %")]
    public void ChangedShare_SmallVisibleChange_IsNotShownAsZero(double fraction, string expected) =>
        Assert.AreEqual(expected, HtmlReportWriter.ChangedShare(fraction));

    [TestMethod]
    public async Task Render_NoMarksRecorded_ShowsNoSetOfMarks()
    {
        var suite = await RunAsync(MarksRecording.WhenDrawn, Passing); // the offline decider never reads the marks

        var html = HtmlReportWriter.Render(RunRecording.Load(suite.Results[0].RecordingPath!));

        Assert.AreEqual(0, CountOf(html, "set-of-marks image of step"));
        Assert.AreEqual(0, Directory.GetFiles(suite.Results[0].RecordingPath!, "*.marks.png").Length);
    }

    [TestMethod]
    public async Task Render_RunWithFailedStep_ListsFailuresFirstWithLinksAndInlineScreenshots()
    {
        var suite = await RunAsync(FailingStep);
        var recording = RunRecording.Load(suite.Results[0].RecordingPath!);

        var html = HtmlReportWriter.Render(recording);

        var failedStep = recording.Steps.Single(s => s.Proposal.Action is Core.Decision.FailAction).Step;
        var summary = html.IndexOf("Failed and skipped steps (1)", StringComparison.Ordinal);
        var timeline = html.IndexOf("<h2>Timeline</h2>", StringComparison.Ordinal);
        Assert.IsTrue(summary > 0 && summary < timeline, "the failure summary comes before the timeline");
        StringAssert.Contains(html, $"<a href=\"#step-{failedStep}\">Step {failedStep}</a>");
        StringAssert.Contains(html, $"id=\"step-{failedStep}\"");
        var shown = recording.Steps.Count(s => !s.Proposal.Action.IsTerminal || HtmlReportWriter.IsProblem(s));
        Assert.AreEqual(shown, CountOf(html, "<img alt=\"screenshot of step"), "every action and the failure show a screenshot; finished instructions are one line");
        StringAssert.Contains(html, "src=\"data:image/png;base64,iVBORw0KGgo");
        Assert.IsFalse(html.Contains("src=\"step-", StringComparison.Ordinal), "no external image files");
    }

    [TestMethod]
    public async Task Render_TargetBox_IsMappedFromCssToScreenshotPixels()
    {
        var suite = await RunAsync(Passing);
        var recording = RunRecording.Load(suite.Results[0].RecordingPath!);

        var html = HtmlReportWriter.Render(recording);

        // "Sign in" is at (100,200 100x30) CSS; the screenshots are 2x (1600x1200 for an 800x600 viewport).
        StringAssert.Contains(html, "<svg viewBox=\"0 0 1600 1200\"");
        StringAssert.Contains(html, "<rect x=\"200\" y=\"400\" width=\"200\" height=\"60\"");
    }

    [TestMethod]
    public async Task Render_TypedTextIntoSecretField_IsMasked()
    {
        var suite = await RunAsync(Passing);

        var html = HtmlReportWriter.Render(RunRecording.Load(suite.Results[0].RecordingPath!));

        // The instruction itself holds the password (flows should use {{secret:NAME}}), but the action line is masked.
        Assert.IsFalse(html.Contains("type &quot;hunter2&quot;", StringComparison.Ordinal));
        StringAssert.Contains(html, "type &quot;••••••&quot; into #2");
    }

    [TestMethod]
    public async Task WriteSuite_FailedFlowsFirstWithExpectedActualAndScreenshot()
    {
        var suite = await RunAsync(Passing, FailingExpectation, FailingStep);
        var loaded = suite with { LoadErrors = [new FlowLoadError("flows/bad.yaml", "flows/bad.yaml:3:1: unknown key \"stpes\"")] };
        var outDir = Path.Combine(_root, "out");

        var paths = FlowReports.Write(loaded, outDir);

        var html = File.ReadAllText(paths.SuiteHtml);
        var failures = html.IndexOf("<h2>Failures (3)</h2>", StringComparison.Ordinal);
        var all = html.IndexOf("<h2>All flows</h2>", StringComparison.Ordinal);
        Assert.IsTrue(failures > 0 && failures < all, "failures are listed before all flows");
        Assert.IsTrue(html.IndexOf("Refund confirmation", StringComparison.Ordinal) < all);
        StringAssert.Contains(html, "<td class=\"exp expected\">the page shows &quot;Refund filed&quot;");
        StringAssert.Contains(html, "<td class=\"exp actual\">no &quot;Refund filed&quot; on the page");
        StringAssert.Contains(html, "unknown key &quot;stpes&quot;");
        Assert.IsTrue(CountOf(html, "alt=\"screenshot of") >= 2, "each failed flow shows its screenshot");
        Assert.AreEqual(3, paths.RunReports.Count);
        StringAssert.Contains(html, "href=\"runs/", "run reports live in the report folder, so uploading it alone keeps the links");
        Assert.IsTrue(paths.RunReports.All(p => p.StartsWith(outDir, StringComparison.Ordinal) && File.Exists(p)));
        Assert.IsFalse(paths.RunReports.Any(p => File.ReadAllText(p).Contains("did &quot;", StringComparison.Ordinal)), "no \"done\" row after every instruction in the run reports");
        Assert.IsTrue(File.Exists(paths.JUnitXml));
        Publish(outDir);
    }

    private const string HostileLabel = "Delete all\u001b[2K\rSave draft";

    private const string HostileFlow = """
        name: "Drafts \u202Esave"
        url: http://app.test/drafts
        steps:
          - Click Save draft
          - "Click Publish\e[2K\u2066now"
        expect:
          - "the page shows Saved\u200F"
        """;

    private static FakeApp Drafts() => new FakeApp()
        .Route("/drafts", _ => new FakePage("Drafts\u202E", "Drafts\n\u001b]0;pwned\u0007" + HostileLabel,
        [
            new FakeElement("button", HostileLabel, new ScreenRect(100, 200, 160, 30)),
        ]));

    [TestMethod]
    public async Task Reports_PageTextWithEscapeCodesAndBidi_AreShownEscaped()
    {
        var suite = await RunAsync(Drafts, MarksRecording.WhenDrawn, HostileFlow);
        var outDir = Path.Combine(_root, "out");

        var paths = FlowReports.Write(suite, outDir);

        var run = File.ReadAllText(paths.RunReports.Single());
        var html = File.ReadAllText(paths.SuiteHtml);
        var junit = File.ReadAllText(paths.JUnitXml);
        foreach (var (name, text) in new[] { ("run report", run), ("suite report", html), ("junit", junit) })
        {
            var bad = text.Where(c => c is not '\n' and not '\t' && InertText.IsUnsafe(c)).Select(c => $"U+{(int)c:X4}").Distinct().ToList();
            Assert.AreEqual(0, bad.Count, $"{name} holds {string.Join(", ", bad)}");
        }

        StringAssert.Contains(run, "Drafts&lt;U+202E&gt; — http://app.test/drafts");
        StringAssert.Contains(html, "Drafts &lt;U+202E&gt;save");
        StringAssert.Contains(junit, "Drafts &lt;U+202E&gt;save");
    }

    [TestMethod]
    public async Task Write_RecordingOfOtherSchema_ThrowsInvalidData()
    {
        var suite = await RunAsync(Passing);
        var dir = suite.Results[0].RecordingPath!;
        var runFile = Path.Combine(dir, RecordingSchema.RunFile);
        File.WriteAllText(runFile, File.ReadAllText(runFile).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal));

        var e = Assert.ThrowsExactly<InvalidDataException>(() => HtmlReportWriter.Write(dir, Path.Combine(_root, "r.html")));

        StringAssert.Contains(e.Message, "schemaVersion 2");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Copies the reports somewhere a person can open them: set ACTIONAGENT_REPORT_OUT.</summary>
    private static void Publish(string outDir)
    {
        if (Environment.GetEnvironmentVariable("ACTIONAGENT_REPORT_OUT") is not { Length: > 0 } target)
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(outDir)!, "*.html", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Path.GetDirectoryName(outDir)!, file);
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
