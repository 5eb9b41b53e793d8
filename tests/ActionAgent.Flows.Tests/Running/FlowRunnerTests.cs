using System.Xml.Linq;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Recording;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Reporting;
using ActionAgent.Flows.Running;
using ActionAgent.Flows.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Flows.Tests.Running;

[TestClass]
public sealed class FlowRunnerTests
{
    private static readonly Dictionary<string, string> Vars = new() { ["baseUrl"] = "http://app.test" };

    private const string SearchFlow = """
        name: Search
        url: ${baseUrl}/login
        tags: [smoke]
        steps:
          - Type ops into Username
          - Type {{secret:OPS_PASSWORD}} into Password
          - Click Sign in
          - expect: the URL ends with /orders
          - Type 1042 into Search orders
          - Click Search
          - Click the Order 1042 link
        expect:
          - the page shows File a refund
          - the Total field reads 42.00
        """;

    private static FlowDefinition Flow(string yaml, string name = "flow.yaml") => FlowLoader.Parse(yaml, name, Vars);

    private static FlowDefinition Named(string name, string tags = "smoke", string? timeout = null) => Flow($"""
        name: {name}
        url: ${"{"}baseUrl{"}"}/login
        tags: [{tags}]
        {(timeout is null ? "" : $"timeout: {timeout}")}
        steps:
          - Type ops into Username
          - Click Sign in
        expect:
          - the URL ends with /orders
        """);

    private static FlowRunner Runner(FakeSessionFactory sessions, InstructionDecider decider, FlowRunnerOptions? options = null) =>
        new(sessions, decider, options ?? new FlowRunnerOptions { RecordingsRoot = null, ExpectationTimeout = TimeSpan.FromMilliseconds(50), ExpectationPollInterval = TimeSpan.FromMilliseconds(10) },
            TimeProvider.System, NullLoggerFactory.Instance);

    [TestMethod]
    public async Task RunAsync_SearchFlowOnFakeApp_PassesAndRecordsOneRunWithInstructions()
    {
        var root = Directory.CreateTempSubdirectory("aa-rec-").FullName;
        try
        {
            var sessions = new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders()));
            var options = new FlowRunnerOptions { RecordingsRoot = root, ExpectationTimeout = TimeSpan.FromMilliseconds(50) };

            var suite = await Runner(sessions, new InstructionDecider(), options).RunAsync([Flow(SearchFlow)]);

            var result = suite.Results.Single();
            Assert.AreEqual(FlowStatus.Passed, result.Status, result.Message);
            Assert.AreEqual(0, suite.ExitCode);
            Assert.AreEqual(7, result.Steps.Count);
            Assert.AreEqual(2, result.Expectations.Count);
            Assert.IsTrue(result.Expectations.All(e => e.Passed));
            var recording = RunRecording.Load(result.RecordingPath!);
            Assert.AreEqual(Core.Runtime.RunStatus.Completed, recording.Manifest.Status);
            Assert.AreEqual(12, recording.Steps.Count, "6 instructions x (action + done)");
            CollectionAssert.AreEqual(Enumerable.Range(1, 12).ToArray(), recording.Steps.Select(s => s.Step).ToArray());
            Assert.AreEqual("Click Search", recording.Steps[8].Proposal.StepText);
            Assert.IsTrue(File.Exists(Path.Combine(result.RecordingPath!, RecordingSchema.ScreenshotFile(12))));
            Assert.IsTrue(sessions.Created.Single().Disposed);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public async Task RunAsync_RegionWithoutVisionLayer_FailsAtOnceInsteadOfRecheckingUntilTheTimeout()
    {
        var flow = FlowLoader.Parse($$"""
            name: Region
            url: http://app.test/login
            steps:
              - Type ops into Username
            expect:
              - region: { name: banner, x: 0, y: 0, width: 100, height: 50, baseline: banner.png }
            """, "region.yaml");
        var options = new FlowRunnerOptions { RecordingsRoot = null, ExpectationTimeout = TimeSpan.FromSeconds(30), ExpectationPollInterval = TimeSpan.FromMilliseconds(10) };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var suite = await Runner(new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders())), new InstructionDecider(), options).RunAsync([flow]);

        var result = suite.Results.Single();
        Assert.AreEqual(FlowStatus.Failed, result.Status);
        StringAssert.Contains(result.Message, "visual regions need the vision layer");
        Assert.IsLessThan(10, clock.Elapsed.TotalSeconds, "the 30 s expectation timeout was not waited out");
    }

    [TestMethod]
    public async Task RunAsync_FinalExpectationFails_ReportsExpectedActualAndScreenshot()
    {
        var flow = Flow(SearchFlow.Replace("the page shows File a refund", "the page shows Refund filed", StringComparison.Ordinal));

        var suite = await Runner(new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders())), new InstructionDecider()).RunAsync([flow]);

        var result = suite.Results.Single();
        Assert.AreEqual(FlowStatus.Failed, result.Status);
        StringAssert.StartsWith(result.Message, "expected the page shows \"Refund filed\" / actual: no \"Refund filed\" on the page");
        Assert.IsFalse(result.FailureScreenshot.IsEmpty, "the failure carries a screenshot");
        Assert.IsTrue(result.Expectations[1].Passed, "the other expectations are still checked");
        Assert.AreEqual(1, suite.ExitCode);
    }

    [TestMethod]
    public async Task RunAsync_InstructionThatCannotBeDone_FailsAtThatStepAndStops()
    {
        var flow = Flow("""
            name: Impossible
            url: ${baseUrl}/login
            steps:
              - Type ops into Username
              - Click Delete everything
              - Click Sign in
            """);

        var suite = await Runner(new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders())), new InstructionDecider()).RunAsync([flow]);

        var result = suite.Results.Single();
        Assert.AreEqual(FlowStatus.Failed, result.Status);
        StringAssert.StartsWith(result.Message, "step 2 \"Click Delete everything\": could not carry it out: nothing on the page matches");
        Assert.AreEqual(2, result.Steps.Count, "step 3 never ran");
    }

    [TestMethod]
    public async Task RunAsync_InlineExpectationFails_StopsBeforeLaterSteps()
    {
        var flow = Flow("""
            name: Wrong user
            url: ${baseUrl}/login
            steps:
              - Type guest into Username
              - Click Sign in
              - expect: the URL ends with /orders
              - Type 1042 into Search orders
            """);

        var suite = await Runner(new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders())), new InstructionDecider()).RunAsync([flow]);

        var result = suite.Results.Single();
        Assert.AreEqual(FlowStatus.Failed, result.Status);
        Assert.AreEqual("step 3 \"the URL ends with /orders\": expected the URL ends with \"/orders\" / actual: the URL is http://app.test/login", result.Message);
        Assert.AreEqual(3, result.Steps.Count);
    }

    [TestMethod]
    public async Task RunAsync_TwoWorkers_RunsTwoFlowsAtOnceAndKeepsOrder()
    {
        var sessions = new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders()));
        var flows = Enumerable.Range(1, 4).Select(i => Named($"Flow {i}")).ToList();
        var options = new FlowRunnerOptions { Workers = 2, RecordingsRoot = null };

        var suite = await Runner(sessions, new InstructionDecider { Delay = TimeSpan.FromMilliseconds(60) }, options).RunAsync(flows);

        Assert.AreEqual(2, sessions.MaxOpen);
        CollectionAssert.AreEqual(flows.Select(f => f.Name).ToArray(), suite.Results.Select(r => r.Flow.Name).ToArray());
        Assert.IsTrue(suite.AllPassed, string.Join("\n", suite.Results.Select(r => r.Message)));
    }

    [TestMethod]
    public async Task RunAsync_OneWorker_NeverOverlaps()
    {
        var sessions = new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders()));
        var flows = Enumerable.Range(1, 3).Select(i => Named($"Flow {i}")).ToList();

        await Runner(sessions, new InstructionDecider { Delay = TimeSpan.FromMilliseconds(20) }, new FlowRunnerOptions { Workers = 1, RecordingsRoot = null }).RunAsync(flows);

        Assert.AreEqual(1, sessions.MaxOpen);
    }

    [TestMethod]
    public async Task RunAsync_TagFilter_RunsOnlyTaggedFlows()
    {
        var flows = new[] { Named("Smoke", "smoke"), Named("Refund", "refund, slow") };
        var options = new FlowRunnerOptions { Tags = ["REFUND"], RecordingsRoot = null };

        var suite = await Runner(new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders())), new InstructionDecider(), options).RunAsync(flows);

        Assert.AreEqual("Refund", suite.Results.Single().Flow.Name);
        Assert.AreEqual(1, suite.FilteredOut);
    }

    [TestMethod]
    public async Task RunAsync_HangingFlow_TimesOutWhileOthersPass()
    {
        var sessions = new FakeSessionFactory(name => new FakeSession(FakeApp.Orders()) { HangOnNavigate = name == "Hangs" });
        var flows = new[] { Named("Hangs", timeout: "300ms"), Named("Works"), Named("Also works") };

        var suite = await Runner(sessions, new InstructionDecider(), new FlowRunnerOptions { Workers = 2, RecordingsRoot = null }).RunAsync(flows);

        var hung = suite.Results[0];
        Assert.AreEqual(FlowStatus.TimedOut, hung.Status);
        Assert.AreEqual("timed out after 300ms", hung.Message);
        Assert.IsTrue(suite.Results.Skip(1).All(r => r.Passed));
        Assert.IsTrue(sessions.Created.Single(s => s.HangOnNavigate).Disposed, "the hung session is closed");
        Assert.AreEqual(1, suite.ExitCode);
    }

    [TestMethod]
    public async Task RunAsync_SlowStep_TimeoutNamesTheStep()
    {
        var sessions = new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders()));
        var flow = Named("Slow", timeout: "2s");

        var suite = await Runner(sessions, new InstructionDecider { Delay = TimeSpan.FromSeconds(30) }).RunAsync([flow]);

        Assert.AreEqual("timed out after 2s at step 1 \"Type ops into Username\"", suite.Results[0].Message);
    }

    [TestMethod]
    public async Task RunAsync_SessionCannotStart_IsAnErrorAndOthersRun()
    {
        var sessions = new FakeSessionFactory(name => name == "Broken" ? throw new InvalidOperationException("chromium exited with code 127") : new FakeSession(FakeApp.Orders()));

        var suite = await Runner(sessions, new InstructionDecider()).RunAsync([Named("Broken"), Named("Fine")]);

        Assert.AreEqual(FlowStatus.Error, suite.Results[0].Status);
        Assert.AreEqual("could not start a browser session: chromium exited with code 127", suite.Results[0].Message);
        Assert.IsTrue(suite.Results[1].Passed);
    }

    [TestMethod]
    public async Task RunAsync_PerceiverDiesDuringExpectation_IsAnErrorAndOthersRun()
    {
        var sessions = new FakeSessionFactory(name => new FakeSession(FakeApp.Orders()) { FailObserveAfter = name == "Dies" ? 4 : int.MaxValue });

        var suite = await Runner(sessions, new InstructionDecider()).RunAsync([Named("Dies"), Named("Lives")]);

        Assert.AreEqual(FlowStatus.Error, suite.Results[0].Status);
        Assert.AreEqual("the flow stopped while checking the final expectations: Target page, context or browser has been closed", suite.Results[0].Message);
        Assert.IsTrue(suite.Results[1].Passed);
    }

    [TestMethod]
    public async Task RunAsync_Progress_ReportsEveryStepAndFlowEnd()
    {
        var progress = new RecordingProgress();

        await Runner(new FakeSessionFactory(_ => new FakeSession(FakeApp.Orders())), new InstructionDecider()).RunAsync([Named("One")], progress);

        var kinds = progress.Events.Select(e => e.Kind).ToList();
        Assert.AreEqual(FlowProgressKind.FlowStarted, kinds[0]);
        Assert.AreEqual(2, kinds.Count(k => k == FlowProgressKind.StepFinished));
        Assert.AreEqual(FlowProgressKind.FlowFinished, kinds[^1]);
        Assert.AreEqual(true, progress.Events[^1].Passed);
    }

    [TestMethod]
    public async Task JUnit_SuiteWithPassFailTimeoutAndLoadError_IsWellFormedSurefireXml()
    {
        var sessions = new FakeSessionFactory(name => new FakeSession(FakeApp.Orders()) { HangOnNavigate = name == "Hangs" });
        var failing = Flow(SearchFlow.Replace("File a refund", "Refund <filed> & \u0001done", StringComparison.Ordinal), "flows/search.yaml");
        var loaded = new FlowLoadResult([Named("Passes"), failing, Named("Hangs", timeout: "200ms")], [new FlowLoadError("flows/bad.yaml", "flows/bad.yaml:3:1: unknown key \"stpes\"")]);
        var suite = await Runner(sessions, new InstructionDecider(), new FlowRunnerOptions { Workers = 3, RecordingsRoot = null, ExpectationTimeout = TimeSpan.Zero }).RunAsync(loaded);
        var path = Path.Combine(Path.GetTempPath(), $"junit-{Guid.NewGuid():N}.xml");
        try
        {
            JUnitWriter.Write(suite, path);

            var xml = XDocument.Load(path);
            var testsuite = xml.Root!.Element("testsuite")!;
            Assert.AreEqual("testsuites", xml.Root.Name.LocalName);
            Assert.AreEqual("4", testsuite.Attribute("tests")!.Value);
            Assert.AreEqual("2", testsuite.Attribute("failures")!.Value);
            Assert.AreEqual("1", testsuite.Attribute("errors")!.Value);
            var cases = testsuite.Elements("testcase").ToList();
            Assert.AreEqual(4, cases.Count);
            var failure = cases.Single(c => c.Attribute("name")!.Value == "Search").Element("failure")!;
            StringAssert.Contains(failure.Attribute("message")!.Value, "expected the page shows \"Refund <filed> & \\x01done\"", "the control character is shown escaped, not dropped or raw");
            Assert.AreEqual("Timeout", cases.Single(c => c.Attribute("name")!.Value == "Hangs").Element("failure")!.Attribute("type")!.Value);
            Assert.IsNotNull(cases.Single(c => c.Attribute("name")!.Value == "bad.yaml").Element("error"));
            StringAssert.Contains(cases.Single(c => c.Attribute("name")!.Value == "Passes").Element("system-out")!.Value, "ok    1. Type ops into Username");
            Assert.AreEqual(1, suite.ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class RecordingProgress : IFlowProgress
    {
        public List<FlowProgressEvent> Events { get; } = [];

        public void Report(FlowProgressEvent update)
        {
            lock (Events)
            {
                Events.Add(update);
            }
        }
    }
}
