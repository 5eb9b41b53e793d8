using ActionAgent.Core.Execution;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.TestKit;
using ActionAgent.TestKit.Hostile;

namespace ActionAgent.Cli.Tests.Verification;

/// <summary>
/// A page that changes by itself (a ticker, a clock) through the real <c>actionagent run</c>, with the DOM and from
/// pixels only: a click on a button that does nothing must not end Completed because the clock moved, and a click
/// that does something still completes.
/// </summary>
[TestClass]
public sealed class PageLifeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private const string Policy = """
        version: 1
        name: page-life
        domains: { allowed: [127.0.0.1], unlisted: deny }
        """;

    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-page-life-");
        File.WriteAllText(Path.Combine(_dir, "policy.yaml"), Policy);
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    [DataRow("dom")]
    [DataRow("vision")]
    public async Task Run_InertButtonOnAPageThatChangesByItself_IsNotReportedDone(string perception)
    {
        await using var site = await HostileSite.StartAsync();

        var r = await RunAsync(site, "Click Save settings", perception);

        Assert.AreEqual(1, r.ExitCode, $"the page's own changes were taken for the click's effect: {r}");
        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        Assert.AreEqual(RunStatus.Failed, recording.Manifest.Status, r.ToString());
        Assert.AreEqual(FailureKind.NotVerified, recording.Manifest.Failure, r.ToString());
    }

    [TestMethod]
    [DataRow("dom")]
    [DataRow("vision")]
    public async Task Run_WorkingButtonOnAPageThatChangesByItself_Completes(string perception)
    {
        await using var site = await HostileSite.StartAsync();

        var r = await RunAsync(site, "Click Publish profile", perception);

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "Completed", r.ToString());
    }

    private Task<CliProcess.Result> RunAsync(HostileSite site, string task, string perception) =>
        CliProcess.RunAsync(_dir, Timeout, "run", task, "--url", site.BaseUrl + "/lively", "--perception", perception, "--yes",
            "--policy", Path.Combine(_dir, "policy.yaml"), "--recordings", Path.Combine(_dir, "rec"));
}
