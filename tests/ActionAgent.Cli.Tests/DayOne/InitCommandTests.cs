using System.Text.Json;
using System.Text.RegularExpressions;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.DayOne;

/// <summary>
/// <c>actionagent init</c> in an empty folder, then <c>actionagent test flows/</c> against <c>actionagent sample-app</c>,
/// all as real processes: the first hour of a QA engineer.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class InitCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    // The starter policy reads the password from secrets.env: a value in the environment must not be what makes it pass.
    private static readonly Dictionary<string, string?> NoSecretInEnvironment = new() { ["ACTIONAGENT_SECRET_OPS_PASSWORD"] = null };

    private string _dir = "";

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Init() => _dir = Directory.CreateTempSubdirectory("aa-init-").FullName;

    [TestCleanup]
    public void Cleanup()
    {
        if (TestContext.CurrentTestOutcome == UnitTestOutcome.Passed)
        {
            Directory.Delete(_dir, recursive: true);
        }
        else
        {
            TestContext.WriteLine($"kept for inspection: {_dir}");
        }
    }

    [TestMethod]
    public async Task Init_ThenTestFlowsAgainstSampleAppProcess_ExampleFlowPassesWithBaseUrlFromConfig()
    {
        await using var app = BackgroundCli.Start(_dir, "sample-app", "--port", "0");
        var baseUrl = (await app.WaitForLineAsync(SampleAppCommandTests.BaseUrlLine(), TimeSpan.FromMinutes(1))).Groups[1].Value;

        var init = await CliProcess.RunAsync(_dir, Timeout, "init", "--base-url", baseUrl);
        Assert.AreEqual(0, init.ExitCode, init.ToString());
        foreach (var file in new[] { "actionagent.json", "playwright.config.json", "flows/sign-in-and-open-an-order.yaml", "policies/default.yaml", "secrets.env" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(_dir, file)), $"init wrote {file}");
        }

        StringAssert.Contains(File.ReadAllText(Path.Combine(_dir, "actionagent.json")), $"\"baseUrl\": \"{baseUrl}\"");

        // No --var: baseUrl comes from actionagent.json.
        var r = await CliProcess.RunAsync(_dir, Timeout, NoSecretInEnvironment, "test", "flows/", "--no-cache");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "1 passed, 0 failed", r.ToString());
        Assert.IsTrue(File.Exists(Path.Combine(_dir, "test-results", "junit.xml")), r.ToString());
    }

    [TestMethod]
    public async Task Test_JsonJUnitAndHtml_StreamsStepsEndsWithResultWritesOneJUnitAndAnUploadableReportFolder()
    {
        await using var app = BackgroundCli.Start(_dir, "sample-app", "--port", "0");
        var baseUrl = (await app.WaitForLineAsync(SampleAppCommandTests.BaseUrlLine(), TimeSpan.FromMinutes(1))).Groups[1].Value;
        Assert.AreEqual(0, (await CliProcess.RunAsync(_dir, Timeout, "init", "--base-url", baseUrl)).ExitCode);

        var r = await CliProcess.RunAsync(_dir, Timeout, NoSecretInEnvironment, "test", "flows/", "--no-cache", "--json", "--junit", "out/results.xml", "--html", "report");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        var lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.AreEqual(8, lines.Count(l => l.GetProperty("type").GetString() == "step"), "one line per finished step: " + r.StdOut);
        var last = lines[^1];
        Assert.AreEqual("result", last.GetProperty("type").GetString(), r.StdOut);
        Assert.AreEqual(1, last.GetProperty("passed").GetInt32());
        Assert.AreEqual(0, last.GetProperty("exitCode").GetInt32());
        var flow = last.GetProperty("flows")[0];
        Assert.AreEqual("Passed", flow.GetProperty("status").GetString());
        Assert.AreEqual(8, flow.GetProperty("steps").GetArrayLength());
        Assert.AreEqual(2, flow.GetProperty("expectations").GetArrayLength());

        // One JUnit file per run: CI globs for *.xml must count the flow once.
        var junitFiles = Directory.GetFiles(_dir, "*.xml", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).Contains("<testsuite", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(new[] { Path.Combine(_dir, "out", "results.xml") }, junitFiles);

        // Upload only the report folder: every link in it must still resolve, and the run report has no "done" rows.
        var uploaded = Directory.CreateTempSubdirectory("aa-upload-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(_dir, "report"), "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(uploaded, Path.GetRelativePath(Path.Combine(_dir, "report"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }

            var html = File.ReadAllText(Path.Combine(uploaded, "report.html"));
            var links = Regex.Matches(html, "href=\"([^\"#][^\"]*)\"").Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToList();
            Assert.IsTrue(links.Count > 0, "the suite report links the flow's run report");
            foreach (var link in links)
            {
                Assert.IsTrue(File.Exists(Path.Combine(uploaded, link)), $"link {link} resolves inside the uploaded folder");
                Assert.IsFalse(File.ReadAllText(Path.Combine(uploaded, link)).Contains("steps carried out", StringComparison.Ordinal), "no \"done\" rows in the run report");
            }
        }
        finally
        {
            Directory.Delete(uploaded, recursive: true);
        }
    }

    [TestMethod]
    public async Task Test_VarBaseUrl_WinsOverTheConfigFile()
    {
        await using var app = BackgroundCli.Start(_dir, "sample-app", "--port", "0");
        var baseUrl = (await app.WaitForLineAsync(SampleAppCommandTests.BaseUrlLine(), TimeSpan.FromMinutes(1))).Groups[1].Value;

        // The config points at a port nothing listens on; only --var makes the flow reach the app.
        var init = await CliProcess.RunAsync(_dir, Timeout, "init", "--base-url", "http://127.0.0.1:9");
        Assert.AreEqual(0, init.ExitCode, init.ToString());

        var r = await CliProcess.RunAsync(_dir, Timeout, NoSecretInEnvironment, "test", "flows/", "--no-cache", "--var", "baseUrl=" + baseUrl);

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "1 passed, 0 failed", r.ToString());
    }

    [TestMethod]
    public async Task Init_FileAlreadyThere_ExitsTwoInOneLineAndWritesNothing()
    {
        File.WriteAllText(Path.Combine(_dir, "actionagent.json"), "{ \"baseUrl\": \"http://mine\" }");

        var r = await CliProcess.RunAsync(_dir, Timeout, "init");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "actionagent.json already exists here", r.ToString());
        StringAssert.Contains(r.StdErr, "--force", r.ToString());
        Assert.AreEqual(1, r.StdErr.Trim().Split('\n').Length, r.ToString());
        Assert.AreEqual("{ \"baseUrl\": \"http://mine\" }", File.ReadAllText(Path.Combine(_dir, "actionagent.json")), "the user's file is untouched");
        Assert.IsFalse(Directory.Exists(Path.Combine(_dir, "flows")), "nothing else was written either");
    }

    [TestMethod]
    public async Task Init_Force_OverwritesWithTheStarterFiles()
    {
        File.WriteAllText(Path.Combine(_dir, "actionagent.json"), "{}");

        var r = await CliProcess.RunAsync(_dir, Timeout, "init", "--force");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.Contains(File.ReadAllText(Path.Combine(_dir, "actionagent.json")), "\"baseUrl\": \"http://127.0.0.1:5000\"");
    }

    [TestMethod]
    public async Task Init_BaseUrlWithoutScheme_ExitsTwoSuggestingHttp()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "init", "--base-url", "127.0.0.1:5000");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "write http://127.0.0.1:5000", r.ToString());
        Assert.AreEqual(0, Directory.EnumerateFileSystemEntries(_dir).Count(), "nothing written");
    }

    [TestMethod]
    public async Task Test_ConfigKeyMistyped_ExitsTwoWithDidYouMean()
    {
        File.WriteAllText(Path.Combine(_dir, "actionagent.json"), "{ \"baseURL\": \"http://127.0.0.1:5000\" }");
        Directory.CreateDirectory(Path.Combine(_dir, "flows"));

        var r = await CliProcess.RunAsync(_dir, Timeout, "test", "flows/");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "unknown key \"baseURL\"; did you mean \"baseUrl\"?", r.ToString());
        StringAssert.Contains(r.StdErr, "actionagent.json", r.ToString());
    }
}
