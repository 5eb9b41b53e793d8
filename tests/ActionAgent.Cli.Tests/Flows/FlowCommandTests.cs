using System.Xml.Linq;
using ActionAgent.Core.Recording;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Flows;

/// <summary><c>actionagent test / replay / report / export</c> as a real process against the sample app in headless Chromium.</summary>
[TestClass]
[DoNotParallelize]
public sealed class FlowCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-flows-");
        Environment.SetEnvironmentVariable("ACTIONAGENT_SECRET_OPS_PASSWORD", "ops-pass");
    }

    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public void Cleanup()
    {
        if (TestContext.CurrentTestOutcome == UnitTestOutcome.Passed)
        {
            Directory.Delete(_dir, recursive: true);
        }
        else
        {
            TestContext.WriteLine($"recordings and reports kept for inspection in {_dir}");
        }
    }

    internal static string FlowsDir => Path.Combine(CliProcess.RepoRoot, "flows");

    [TestMethod]
    public async Task Test_ExampleFlowsWithTwoWorkers_AllPassWithJUnitAndHtml()
    {
        await using var app = await SampleAppServer.StartAsync();
        var junit = Path.Combine(_dir, "out", "results.xml");

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", FlowsDir, "--workers", "2", "--var", "baseUrl=" + app.BaseUrl, "--yes",
            "--junit", junit, "--html", Path.Combine(_dir, "html"), "--no-cache");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        // Three flows and the refund skill (flows/skills/refund-order.yaml), which runs with its test values.
        StringAssert.Contains(r.StdOut, "4 passed, 0 failed", r.ToString());
        var xml = XDocument.Load(junit);
        var cases = xml.Descendants("testcase").ToList();
        Assert.AreEqual(4, cases.Count, xml.ToString());
        Assert.IsFalse(xml.Descendants("failure").Any() || xml.Descendants("error").Any(), xml.ToString());
        var html = File.ReadAllText(Path.Combine(_dir, "html", "report.html"));
        StringAssert.Contains(html, "File a refund");
        Assert.AreEqual(2, app.State.Refunds.Count, "the refund flow and the refund skill file one refund each");
    }

    [TestMethod]
    public async Task Test_BrokenExpectation_FailsWithExpectedActualAndScreenshotWhileTheOtherFlowPasses()
    {
        await using var app = await SampleAppServer.StartAsync();
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "flows")).FullName;
        File.WriteAllText(Path.Combine(dir, "broken.yaml"), """
            name: Broken expectation
            url: ${baseUrl}/login
            steps:
              - Type ops into Username
              - Type {{secret:OPS_PASSWORD}} into Password
              - Click Sign in
            expect:
              - the page shows Refund approved
            """);
        File.Copy(Path.Combine(FlowsDir, "sign-in-and-search.yaml"), Path.Combine(dir, "good.yaml"));

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", dir, "--workers", "2", "--var", "baseUrl=" + app.BaseUrl, "--no-cache", "--html", Path.Combine(_dir, "html"));

        Assert.AreEqual(1, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "1 passed, 1 failed", r.ToString());
        StringAssert.Contains(r.StdOut, "PASS Sign in and search an order", "the other flow kept running");
        StringAssert.Contains(r.StdOut, "expected the page shows \"Refund approved\"", r.ToString());
        StringAssert.Contains(r.StdOut, "actual", r.ToString());
        var shot = System.Text.RegularExpressions.Regex.Match(r.StdOut, @"screenshot: (\S+\.png)");
        Assert.IsTrue(shot.Success && File.Exists(shot.Groups[1].Value), "the failure's screenshot is written and named in the output\n" + r);
        var failure = XDocument.Load(Path.Combine(_dir, "html", "junit.xml")).Descendants("testcase").Single(t => t.Element("failure") is not null);
        StringAssert.Contains(failure.ToString(), "Refund approved");
        StringAssert.Contains(failure.ToString(), "actual");
        StringAssert.Contains(failure.ToString(), "[[ATTACHMENT|" + shot.Groups[1].Value + "]]", "CI servers attach the screenshot to the failed test");
        StringAssert.Contains(File.ReadAllText(Path.Combine(_dir, "html", "report.html")), "Refund approved", "the report is written despite the failure");
    }

    [TestMethod]
    public async Task Test_MalformedAndUnknownVariableFiles_Exit2WhileTheGoodFlowStillRunsAndIsReported()
    {
        await using var app = await SampleAppServer.StartAsync();
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "flows")).FullName;
        File.WriteAllText(Path.Combine(dir, "a-good.yaml"), "name: Good\nurl: ${baseUrl}/login\nsteps:\n  - Type ops into Username\nexpect:\n  - the Username field reads ops\n");
        File.WriteAllText(Path.Combine(dir, "b-bad.yaml"), "name: Bad\nurl: ${baseUrl}/login\nstpes:\n  - Click Sign in\n");
        File.WriteAllText(Path.Combine(dir, "c-var.yaml"), "name: Var\nurl: ${baseUrl}/login\nsteps:\n  - Type ${nobody} into Username\n");
        File.WriteAllText(Path.Combine(dir, "d-hangs.yaml"), "name: Hangs\nurl: ${baseUrl}/login\ntimeout: 4s\nsteps:\n  - Wait 60 seconds\n  - Type ops into Username\n");

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", dir, "--var", "baseUrl=" + app.BaseUrl, "--no-cache");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "b-bad.yaml:3:1", r.ToString());
        StringAssert.Contains(r.StdErr, "${nobody}", r.ToString());
        StringAssert.Contains(r.StdOut, "PASS Good", r.ToString());
        StringAssert.Contains(r.StdOut, "FAIL Hangs", r.ToString());
        StringAssert.Contains(r.StdOut, "timed out after 4s", r.ToString());
        var junit = XDocument.Load(Path.Combine(_dir, "test-results", "junit.xml"));
        Assert.AreEqual(4, junit.Descendants("testcase").Count(), junit.ToString());
        Assert.AreEqual("Timeout", junit.Descendants("testcase").Single(t => (string?)t.Attribute("name") == "Hangs").Element("failure")?.Attribute("type")?.Value, junit.ToString());
    }

    [TestMethod]
    public async Task Test_CachedRerun_NoMissesThenRenamedButton_OfflineInterpreterRefusesToHealOntoATextBox()
    {
        await using var app = await SampleAppServer.StartAsync();
        var flow = Path.Combine(FlowsDir, "sign-in-and-search.yaml");
        string[] Args() => ["test", flow, "--var", "baseUrl=" + app.BaseUrl, "--cache", Path.Combine(_dir, "cache.json")];

        var first = await CliProcess.RunAsync(_dir, Timeout, Args());
        var second = await CliProcess.RunAsync(_dir, Timeout, Args());
        app.AlternateLayout = true;
        var renamed = await CliProcess.RunAsync(_dir, Timeout, Args());

        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        StringAssert.Contains(second.StdOut, " 0 misses", second.ToString());

        // "Search" is now "Find": the word-matching interpreter would pick the "Search orders" field. That must be a
        // clear failure, not a green flow that clicked the wrong element.
        Assert.AreEqual(1, renamed.ExitCode, renamed.ToString());
        StringAssert.Contains(renamed.StdOut, "different kind of element", renamed.ToString());
        StringAssert.Contains(renamed.StdOut, "button \"Search\"", renamed.ToString());
    }

    [TestMethod]
    public async Task Replay_SameApp_NoDrift_AfterAlternateLayout_Drift_AndReportWritesOneFile()
    {
        await using var app = await SampleAppServer.StartAsync();
        var rec = Path.Combine(_dir, "rec");
        var run = await CliProcess.RunAsync(_dir, Timeout, "test", Path.Combine(FlowsDir, "sign-in-and-search.yaml"), "--var", "baseUrl=" + app.BaseUrl, "--recordings", rec, "--no-cache");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var recording = Directory.GetDirectories(rec).Single();

        var same = await CliProcess.RunAsync(_dir, Timeout, "replay", recording, "--base-url", app.BaseUrl, "--recordings", Path.Combine(_dir, "replays"));
        app.AlternateLayout = true;
        var drifted = await CliProcess.RunAsync(_dir, Timeout, "replay", recording, "--base-url", app.BaseUrl, "--recordings", Path.Combine(_dir, "replays"));
        var report = await CliProcess.RunAsync(_dir, Timeout, "report", recording, "-o", Path.Combine(_dir, "one.html"));

        Assert.AreEqual(0, same.ExitCode, same.ToString());
        StringAssert.Contains(same.StdOut, " 0 major", same.ToString());
        Assert.AreNotEqual(0, drifted.ExitCode, drifted.ToString());
        StringAssert.Contains(drifted.StdOut, "drift major", drifted.ToString());
        Assert.IsTrue(File.Exists(Path.Combine(recording, "replay.html")));
        Assert.AreEqual(0, report.ExitCode, report.ToString());
        var html = File.ReadAllText(Path.Combine(_dir, "one.html"));
        StringAssert.Contains(html, "data:image/png;base64,", "screenshots are inlined");
        var external = System.Text.RegularExpressions.Regex.Matches(html, @"\b(?:src|href)\s*=\s*[""']?(?!data:|#)[^""'\s>]+").Select(m => m.Value).ToList();
        Assert.AreEqual(0, external.Count, "the report needs no other file: " + string.Join(", ", external));
        StringAssert.Contains(html, "Sign in");

        // A recording from another schema version: clear message, exit 2.
        var old = Directory.CreateDirectory(Path.Combine(_dir, "old-run")).FullName;
        var manifest = File.ReadAllText(Path.Combine(recording, RecordingSchema.RunFile));
        File.WriteAllText(Path.Combine(old, RecordingSchema.RunFile), System.Text.RegularExpressions.Regex.Replace(manifest, "\"schemaVersion\"\\s*:\\s*\\d+", "\"schemaVersion\": 7"));
        var incompatible = await CliProcess.RunAsync(_dir, Timeout, "replay", old);
        Assert.AreEqual(2, incompatible.ExitCode, incompatible.ToString());
        StringAssert.Contains(incompatible.StdErr, "schemaVersion 7", incompatible.ToString());
    }
}
