using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Governance;

/// <summary>Bad input to the governed entry points: one line, the documented exit code, nothing started or created.</summary>
[TestClass]
public sealed class GovernanceBadInputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private string _dir = "";

    [TestInitialize]
    public void Init() => _dir = CliProcess.NewWorkDir("aa-govbad-");

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    [DataRow("../escape")]
    [DataRow("a/b")]
    [DataRow("..")]
    public async Task Run_RunIdThatIsAPath_ExitsTwoBeforeAnythingStarts(string runId)
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "http://127.0.0.1:9/", "--run-id", runId, "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "is not a plain name", r.ToString());
        Assert.IsFalse(Directory.Exists(Path.Combine(_dir, "escape")) || Directory.Exists(Path.Combine(_dir, "rec")), "nothing was written");
    }

    [TestMethod]
    public async Task Run_RunIdOfAnEarlierRecording_ExitsTwoAndLeavesItAlone()
    {
        var earlier = Directory.CreateDirectory(Path.Combine(_dir, "rec", "X")).FullName;
        File.WriteAllText(Path.Combine(earlier, "run.json"), "{}");

        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "http://127.0.0.1:9/", "--run-id", "X", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "already used by an earlier run", r.ToString());
        Assert.AreEqual("{}", File.ReadAllText(Path.Combine(earlier, "run.json")), "the earlier recording is untouched");
    }

    [TestMethod]
    public async Task Run_ConfigFileMissing_ExitsTwoNamingIt()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "http://127.0.0.1:9/", "--config", "nope.json");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "nope.json", r.ToString());
        StringAssert.Contains(r.StdErr, "not found", r.ToString());
    }

    [TestMethod]
    public async Task ApprovalsList_NamedDatabaseMissing_ExitsTwoAndCreatesNothing()
    {
        var db = Path.Combine(_dir, "typo.db");

        var r = await CliProcess.RunAsync(_dir, Timeout, "approvals", "list", "--approvals-db", db);

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "no such approval database", r.ToString());
        Assert.IsFalse(File.Exists(db), "a mistyped path must not become a new, empty queue");
    }

    [TestMethod]
    public async Task Test_FlowTypesAnUndeclaredSecret_IsRefusedBeforeAnyBrowserStarts()
    {
        var flows = Directory.CreateDirectory(Path.Combine(_dir, "flows")).FullName;
        File.WriteAllText(Path.Combine(flows, "home.yaml"), """
            name: leaks home
            url: http://127.0.0.1:9/login
            steps:
              - Type {{secret:HOME}} into Username
            """);

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", flows, "--no-cache");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "HOME", r.ToString());
        StringAssert.Contains(r.StdErr, "declare", r.ToString());
    }
}
