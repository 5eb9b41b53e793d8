using System.Text.RegularExpressions;
using System.Xml.Linq;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Flows;

/// <summary>
/// OpenCV in <c>actionagent test</c> (visual-region expectations, <c>--update-baselines</c>) and <c>actionagent replay</c>
/// (screen drift by pixels), as a real process against the sample app in headless Chromium.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class FlowVisualTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-flow-visual-");
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
            TestContext.WriteLine($"flows, baselines, recordings and reports kept for inspection in {_dir}");
        }
    }

    [TestMethod]
    public async Task Test_RegionExpectation_UpdateBaselinesCreatesItThenPassesAndFailsWhenThePageChanges()
    {
        await using var app = await SampleAppServer.StartAsync();
        var flows = Directory.CreateDirectory(Path.Combine(_dir, "flows")).FullName;
        var flow = Path.Combine(flows, "orders-head.yaml");

        // The orders page's heading and search bar (left column only: the "Recent activity" card loads asynchronously).
        // The alternate layout renames the search bar's "Search" button to "Find".
        File.WriteAllText(flow, """
            name: Orders head looks the same
            url: ${baseUrl}/login
            steps:
              - Type ops into Username
              - Type {{secret:OPS_PASSWORD}} into Password
              - Click Sign in
              - expect: the URL ends with /orders
            expect:
              - region: { name: search bar, x: 40, y: 52, width: 780, height: 150, baseline: baselines/orders-head.png, tolerance: 0.002 }
            """);
        var baseline = Path.Combine(flows, "baselines", "orders-head.png");
        string[] Args(string run, params string[] extra) =>
            ["test", flow, "--var", "baseUrl=" + app.BaseUrl, "--no-cache", "--html", Path.Combine(_dir, run), "--recordings", Path.Combine(_dir, "rec-" + run), .. extra];

        var missing = await CliProcess.RunAsync(_dir, Timeout, Args("missing"));
        Assert.AreEqual(1, missing.ExitCode, missing.ToString());
        StringAssert.Contains(missing.StdOut, "no baseline image at " + baseline, missing.ToString());
        StringAssert.Contains(missing.StdOut, "--update-baselines", missing.ToString());
        Assert.IsFalse(File.Exists(baseline), "without --update-baselines no baseline is written");
        var missingCase = XDocument.Load(Path.Combine(_dir, "missing", "junit.xml")).Descendants("testcase").Single();
        StringAssert.Contains(missingCase.Element("failure")?.ToString() ?? "", "--update-baselines", missingCase.ToString());

        var update = await CliProcess.RunAsync(_dir, Timeout, Args("update", "--update-baselines"));
        Assert.AreEqual(0, update.ExitCode, update.ToString());
        StringAssert.Contains(update.StdOut, "1 passed, 0 failed", update.ToString());
        Assert.IsTrue(File.Exists(baseline), "--update-baselines writes the missing baseline next to the flow\n" + update);
        var png = File.ReadAllBytes(baseline);
        CollectionAssert.AreEqual(PngSignature, png.Take(PngSignature.Length).ToArray(), "the baseline is a PNG");
        Assert.IsGreaterThan(1000, png.Length, "a 780x150 crop of the page, not an empty image");

        var same = await CliProcess.RunAsync(_dir, Timeout, Args("same"));
        Assert.AreEqual(0, same.ExitCode, same.ToString());
        StringAssert.Contains(same.StdOut, "1 passed, 0 failed", same.ToString());
        CollectionAssert.AreEqual(png, File.ReadAllBytes(baseline), "a passing run leaves the baseline alone");

        app.AlternateLayout = true;
        var changed = await CliProcess.RunAsync(_dir, Timeout, Args("changed"));
        Assert.AreEqual(1, changed.ExitCode, changed.ToString());
        StringAssert.Contains(changed.StdOut, "FAILED Orders head looks the same", changed.ToString());
        StringAssert.Contains(changed.StdOut, "region \"search bar\"", changed.ToString());
        var differs = Regex.Match(changed.StdOut, @"(\d+(?:\.\d+)?) % of the region differs");
        Assert.IsTrue(differs.Success, "the failure says how much of the region differs\n" + changed);
        Assert.IsGreaterThan(0.2, double.Parse(differs.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), changed.ToString());
        CollectionAssert.AreEqual(png, File.ReadAllBytes(baseline), "a failing run without --update-baselines keeps the baseline");
        var changedCase = XDocument.Load(Path.Combine(_dir, "changed", "junit.xml")).Descendants("testcase").Single();
        StringAssert.Contains(changedCase.Element("failure")?.ToString() ?? "", "of the region differs", changedCase.ToString());
    }

    [TestMethod]
    public async Task Replay_OfARecordedFlow_ReportsNoDriftComparingPixels()
    {
        await using var app = await SampleAppServer.StartAsync();
        var rec = Path.Combine(_dir, "rec");
        var run = await CliProcess.RunAsync(_dir, Timeout, "test", Path.Combine(FlowCommandTests.FlowsDir, "sign-in-and-search.yaml"),
            "--var", "baseUrl=" + app.BaseUrl, "--recordings", rec, "--no-cache");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var recording = Directory.GetDirectories(rec).Single();

        var replay = await CliProcess.RunAsync(_dir, Timeout, "replay", recording, "--base-url", app.BaseUrl, "--recordings", Path.Combine(_dir, "replays"));

        Assert.AreEqual(0, replay.ExitCode, replay.ToString());
        var steps = replay.StdOut.Split('\n').Select(l => l.Trim()).Where(l => Regex.IsMatch(l, @"^step \d+:")).ToList();
        Assert.IsNotEmpty(steps, replay.ToString());
        foreach (var step in steps)
        {
            // The old byte comparison called any re-encoded screenshot a minor drift; pixels within the noise threshold are the same screen.
            StringAssert.EndsWith(step, "-> drift none", replay.ToString());
        }

        StringAssert.Contains(replay.StdOut, $"replayed {steps.Count}/{steps.Count} steps: no drift: 0 major, 0 minor drifts", replay.ToString());
        Assert.IsTrue(File.Exists(Path.Combine(recording, "replay.html")), replay.ToString());
        StringAssert.Contains(replay.StdOut, "report: " + Path.Combine(recording, "replay.html"), replay.ToString());
    }
}
