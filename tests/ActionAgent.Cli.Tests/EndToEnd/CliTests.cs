using System.Text.Json;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.EndToEnd;

/// <summary>The real CLI, as a process, against the sample app in headless Chromium.</summary>
[TestClass]
[DoNotParallelize]
public sealed class CliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-cli-");
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public async Task Demo_WithYes_FilesTheStepsRefundThenTheGoalRefundThroughTheSkill()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "demo", "--yes", "--json", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        var results = r.StdOut.Trim().Split('\n').Where(l => l.StartsWith("{\"type\":\"result\"", StringComparison.Ordinal)).ToList();
        Assert.HasCount(2, results, r.ToString());
        using var json = JsonDocument.Parse(results[0]);
        Assert.AreEqual("Completed", json.RootElement.GetProperty("status").GetString(), r.ToString());
        var recording = RunRecording.Load(json.RootElement.GetProperty("recording").GetString()!);
        Assert.AreEqual(RunStatus.Completed, recording.Manifest.Status);
        var submit = recording.Steps.Single(s => s.Target?.Name == "Submit refund");
        Assert.IsTrue(submit.Verdict!.NeedsApproval, "the submit must have been held for approval");
        Assert.IsTrue(submit.Decision!.IsApproved);
        Assert.IsTrue(recording.Steps.All(s => s.Observation.ScreenshotFile is null || File.Exists(Path.Combine(recording.Directory, s.Observation.ScreenshotFile))));
        Assert.IsFalse(string.IsNullOrEmpty(recording.Manifest.Versions["browser"]));

        // The second task is the goal, run through the refund skill with its own approval.
        using var goal = JsonDocument.Parse(results[1]);
        Assert.AreEqual("Passed", goal.RootElement.GetProperty("status").GetString(), r.ToString());
        Assert.AreEqual("refund-order", goal.RootElement.GetProperty("skill").GetString());
        var skillRun = RunRecording.Load(goal.RootElement.GetProperty("recording").GetString()!);
        Assert.AreEqual(DemoGoal, skillRun.Manifest.Task);
        Assert.AreEqual("15.00", skillRun.Manifest.Skill!.Parameters["amount"]);
        var goalSubmit = skillRun.Steps.Single(s => s.Target?.Name == "Submit refund");
        Assert.IsTrue(goalSubmit.Verdict!.NeedsApproval && goalSubmit.Decision!.IsApproved, "the goal's submit is held and approved the same way");
    }

    private const string DemoGoal = "Refund order 1042 for 15 dollars because it arrived late";

    [TestMethod]
    public async Task Demo_WithoutTerminalOrYes_HoldsTheSubmitAndFilesNothing()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "demo", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(4, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "recorded no refund", r.ToString());
        StringAssert.Contains(r.StdOut, "no reviewer available", r.ToString());
        var run = Directory.GetDirectories(Path.Combine(_dir, "rec")).Single();
        var recording = RunRecording.Load(run);
        Assert.AreEqual(RunStatus.Failed, recording.Manifest.Status);
        Assert.IsTrue(recording.Steps.Any(s => s.Target?.Name == "Submit refund" && s.Decision is { IsApproved: false }));
    }

    [TestMethod]
    public async Task Run_StepThatCannotBeGrounded_FailsNamingTheStep()
    {
        await using var app = await SampleAppServer.StartAsync();
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click the Frobnicate button", "--url", app.BaseUrl + "/login", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(1, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "Frobnicate", r.ToString());
        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        Assert.AreEqual(RunStatus.Failed, recording.Manifest.Status);
        StringAssert.Contains(recording.Manifest.Message, "Frobnicate");
    }

    [TestMethod]
    public async Task Run_UnreachableUrl_FailsClearlyWithCompleteRecording()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "http://127.0.0.1:9/nothing", "--perception", "dom", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(1, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "could not open the start page", r.ToString());
        var verdict = r.StdOut.Split('\n').Single(l => l.StartsWith("Failed after", StringComparison.Ordinal));
        Assert.AreEqual(1, System.Text.RegularExpressions.Regex.Count(verdict, "could not open"), "the reason is given once: " + verdict);
        StringAssert.Contains(verdict, "Check the address and that the site is running");
        var recording = RunRecording.Load(Directory.GetDirectories(Path.Combine(_dir, "rec")).Single());
        Assert.IsFalse(recording.Manifest.Incomplete);
    }

    [TestMethod]
    public async Task Run_MaxStepsExceeded_Fails()
    {
        await using var app = await SampleAppServer.StartAsync();
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Scroll down. Scroll down. Scroll down. Scroll down.", "--url", app.BaseUrl + "/login",
            "--max-steps", "2", "--perception", "dom", "--recordings", Path.Combine(_dir, "rec"));

        Assert.AreEqual(1, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdOut, "max steps exceeded", r.ToString());
    }

    [TestMethod]
    public async Task UnknownOption_ExitsTwoWithHelpHint()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "x", "--url", "http://127.0.0.1:1", "--frobnicate");

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "--frobnicate", r.ToString());
        StringAssert.Contains(r.StdErr, "--help", r.ToString());
    }

    [TestMethod]
    public async Task MalformedConfig_ExitsTwoNamingTheKey()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "playwright.config.json"), """{ "viewport": { "width": "wide" } }""");
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "http://127.0.0.1:9/", "--config", Path.Combine(_dir, "playwright.config.json"));

        Assert.AreEqual(2, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "width", r.ToString());
    }

    [TestMethod]
    public async Task MissingChromium_ExitsThreeSayingHowToInstall()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "playwright.config.json"), """{ "browser": { "executablePath": "/nonexistent/chromium" } }""");
        var r = await CliProcess.RunAsync(_dir, Timeout, "run", "Click Orders", "--url", "http://127.0.0.1:9/", "--config", Path.Combine(_dir, "playwright.config.json"),
            "--perception", "dom");

        Assert.AreEqual(3, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "apt-get install chromium", r.ToString());
    }

    [TestMethod]
    public async Task Graph_PrintsMermaidStateDiagram()
    {
        var r = await CliProcess.RunAsync(_dir, Timeout, "graph");

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        StringAssert.StartsWith(r.StdOut, "stateDiagram-v2");
        StringAssert.Contains(r.StdOut, "AwaitingApproval --> Executing : Approved");
    }
}
