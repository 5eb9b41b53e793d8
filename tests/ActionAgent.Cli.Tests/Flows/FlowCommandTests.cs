using System.Xml.Linq;
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
        _dir = Directory.CreateTempSubdirectory("aa-flows-").FullName;
        File.Copy(Path.Combine(CliProcess.RepoRoot, "playwright.config.json"), Path.Combine(_dir, "playwright.config.json"));
        Environment.SetEnvironmentVariable("ACTIONAGENT_SECRET_OPS_PASSWORD", "ops-pass");
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    internal static string FlowsDir => Path.Combine(CliProcess.RepoRoot, "flows");

    [TestMethod]
    public async Task Test_ExampleFlowsWithTwoWorkers_AllPassWithJUnitAndHtml()
    {
        await using var app = await SampleAppServer.StartAsync();
        var junit = Path.Combine(_dir, "out", "results.xml");

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", FlowsDir, "--workers", "2", "--var", "baseUrl=" + app.BaseUrl, "--yes",
            "--junit", junit, "--html", Path.Combine(_dir, "html"), "--no-cache");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "3 passed, 0 failed", r.ToString());
        var xml = XDocument.Load(junit);
        var cases = xml.Descendants("testcase").ToList();
        Assert.AreEqual(3, cases.Count, xml.ToString());
        Assert.IsFalse(xml.Descendants("failure").Any() || xml.Descendants("error").Any(), xml.ToString());
        var html = File.ReadAllText(Path.Combine(_dir, "html", "report.html"));
        StringAssert.Contains(html, "File a refund");
        Assert.AreEqual(1, app.State.Refunds.Count, "the refund flow files exactly one refund");
    }

    [TestMethod]
    public async Task Test_BrokenExpectation_FailsWithExpectedAndActualInOutputAndJUnit()
    {
        await using var app = await SampleAppServer.StartAsync();
        var flow = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(flow, """
            name: Broken expectation
            url: ${baseUrl}/login
            steps:
              - Type ops into Username
              - Type {{secret:OPS_PASSWORD}} into Password
              - Click Sign in
            expect:
              - the page shows Refund approved
            """);

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", flow, "--var", "baseUrl=" + app.BaseUrl, "--no-cache");

        Assert.AreEqual(1, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "expected the page shows \"Refund approved\"", r.ToString());
        StringAssert.Contains(r.StdOut, "actual", r.ToString());
        var failure = XDocument.Load(Path.Combine(_dir, "test-results", "junit.xml")).Descendants("failure").Single();
        StringAssert.Contains(failure.ToString(), "Refund approved");
        StringAssert.Contains(failure.ToString(), "actual");
    }

    [TestMethod]
    public async Task Test_MalformedAndUnknownVariableFiles_Exit2WhileTheGoodFlowStillRunsAndIsReported()
    {
        await using var app = await SampleAppServer.StartAsync();
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "flows")).FullName;
        File.WriteAllText(Path.Combine(dir, "a-good.yaml"), "name: Good\nurl: ${baseUrl}/login\nsteps:\n  - Type ops into Username\nexpect:\n  - the Username field reads ops\n");
        File.WriteAllText(Path.Combine(dir, "b-bad.yaml"), "name: Bad\nurl: ${baseUrl}/login\nstpes:\n  - Click Sign in\n");
        File.WriteAllText(Path.Combine(dir, "c-var.yaml"), "name: Var\nurl: ${baseUrl}/login\nsteps:\n  - Type ${nobody} into Username\n");

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", dir, "--var", "baseUrl=" + app.BaseUrl, "--no-cache");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "b-bad.yaml:3:1", r.ToString());
        StringAssert.Contains(r.StdErr, "${nobody}", r.ToString());
        StringAssert.Contains(r.StdOut, "PASS Good", r.ToString());
        var junit = XDocument.Load(Path.Combine(_dir, "test-results", "junit.xml"));
        Assert.AreEqual(3, junit.Descendants("testcase").Count(), junit.ToString());
    }
}
