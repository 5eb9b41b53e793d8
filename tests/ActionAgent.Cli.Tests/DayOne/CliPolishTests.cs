using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.DayOne;

/// <summary>Mistakes a new user makes on the command line: one line that says what to write instead, exit 2, no browser.</summary>
[TestClass]
public sealed class CliPolishTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-polish-");

        // A browser that cannot start: reaching Chromium would end in exit 3, so exit 2 proves the check came first.
        var config = Path.Combine(_dir, "playwright.config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("/usr/bin/chromium", "/nonexistent/chromium", StringComparison.Ordinal));
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public async Task UnknownCommand_Tset_SuggestsTest()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "tset", "flows/");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "unknown command 'tset' for actionagent; did you mean \"test\"?", r.ToString());
        Assert.IsFalse(r.StdErr.Contains("Required command was not provided", StringComparison.Ordinal), "the unknown command explains it: " + r);
    }

    [TestMethod]
    public async Task UnknownOption_SwallowedByThePathsArgument_SuggestsTheOption()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "test", "flows/", "--workrs", "2");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "unknown option --workrs for 'test'; did you mean \"--workers\"?", r.ToString());
        Assert.IsFalse(r.StdErr.Contains("no such file or folder", StringComparison.Ordinal), "not treated as a flow path: " + r);
    }

    [TestMethod]
    public async Task UnknownOption_OnRun_SuggestsTheOption()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--urll", "http://127.0.0.1:9/");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "unknown option --urll for 'run'; did you mean \"--url\"?", r.ToString());
    }

    [TestMethod]
    public async Task Run_UrlWithoutScheme_SuggestsHttpBeforeChromiumStarts()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "127.0.0.1:5000/login");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        Assert.AreEqual("error: --url: \"127.0.0.1:5000/login\" has no scheme; write http://127.0.0.1:5000/login", r.StdErr.Trim(), r.ToString());
    }

    [TestMethod]
    public async Task Run_LocalhostWithoutScheme_SuggestsHttp()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "localhost:5000");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "write http://localhost:5000", r.ToString());
    }

    [TestMethod]
    public async Task Run_HostThePolicyDoesNotAllow_SaysSoNamingThePolicyFile()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "https://example.com/");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "does not allow host example.com", r.ToString());
        StringAssert.Contains(r.StdErr, Path.Combine(_dir, "policies", "default.yaml"), r.ToString());
    }

    [TestMethod]
    public async Task Test_FlowStartingOnADeniedHost_ExitsTwoNamingThePolicyBeforeChromium()
    {
        var flows = Directory.CreateDirectory(Path.Combine(_dir, "flows")).FullName;
        File.WriteAllText(Path.Combine(flows, "away.yaml"), """
            name: Away
            url: https://example.com/
            steps:
              - Click More information
            """);

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", "flows/", "--no-cache");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "flow \"Away\": url:", r.ToString());
        StringAssert.Contains(r.StdErr, "does not allow host example.com", r.ToString());
    }

    [TestMethod]
    public async Task Test_VarBaseUrlWithoutScheme_ExitsTwoSuggestingHttp()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "flows"));

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", "flows/", "--var", "baseUrl=127.0.0.1:5000");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "write http://127.0.0.1:5000", r.ToString());
    }
}
