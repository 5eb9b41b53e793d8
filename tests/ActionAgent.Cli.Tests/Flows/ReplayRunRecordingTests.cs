using ActionAgent.SampleApp;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Flows;

/// <summary><c>actionagent replay</c> of a <c>run</c> recording (not a flow): no false drift, secrets checked first.</summary>
[TestClass]
[DoNotParallelize]
public sealed class ReplayRunRecordingTests
{
    private const string Refund = "Type ops into Username. Type {{secret:OPS_PASSWORD}} into Password. Click Sign in. Type 1042 into Search orders. " +
        "Click Search. Click the Order 1042 link. Click File a refund. Type 42.00 into Amount. Type 2025-01-15 into Refund date. " +
        "Select Damaged item in Reason. Click Submit refund.";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [TestMethod]
    public async Task Replay_RunRecordingOnAFreshApp_NoMajorDriftAndExitZero()
    {
        var dir = CliProcess.NewWorkDir("aa-replay-run-");
        var environment = new Dictionary<string, string?> { ["ACTIONAGENT_SECRET_OPS_PASSWORD"] = "ops-pass" };
        try
        {
            string recording;
            await using (var recorded = await SampleAppServer.StartAsync())
            {
                // Two refunds on the recorded app: the recording ends on R-0002, the fresh app will file R-0001.
                var first = await CliProcess.RunAsync(dir, Timeout, environment, "run", Refund, "--url", recorded.BaseUrl + "/login", "--yes", "--recordings", Path.Combine(dir, "warm"));
                Assert.AreEqual(0, first.ExitCode, first.ToString());
                var run = await CliProcess.RunAsync(dir, Timeout, environment, "run", Refund, "--url", recorded.BaseUrl + "/login", "--yes", "--recordings", Path.Combine(dir, "rec"));
                Assert.AreEqual(0, run.ExitCode, run.ToString());
                Assert.AreEqual(2, recorded.State.Refunds.Count);
                recording = Directory.GetDirectories(Path.Combine(dir, "rec")).Single();
            }

            await using var fresh = await SampleAppServer.StartAsync();
            var replay = await CliProcess.RunAsync(dir, Timeout, environment, "replay", recording, "--base-url", fresh.BaseUrl, "--yes", "--recordings", Path.Combine(dir, "replays"));

            Assert.AreEqual(0, replay.ExitCode, replay.ToString());
            Assert.IsFalse(replay.StdOut.Contains("drift major", StringComparison.Ordinal), replay.ToString());
            StringAssert.Contains(replay.StdOut, " 0 major,", "the start page and the other refund id are not major drift\n" + replay);
            Assert.AreEqual("R-0001", fresh.State.Refunds.Single().Id, "the replay filed the refund on the fresh app");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // Attack: a recording is a file anyone with the folder can edit. Its run.json startUrl was opened by replay straight
    // through Playwright, outside the policy, so a start edited to a local file (which the network guard never sees)
    // was loaded and read into the replay's recording. The start is a navigation like any other: the policy judges it.
    [TestMethod]
    public async Task Replay_StartUrlEditedToALocalFile_RefusedAndTheFileIsNeverOpened()
    {
        var dir = CliProcess.NewWorkDir("aa-replay-start-");
        try
        {
            await using var app = await SampleAppServer.StartAsync();
            var run = await CliProcess.RunAsync(dir, Timeout, new Dictionary<string, string?> { ["ACTIONAGENT_SECRET_OPS_PASSWORD"] = "ops-pass" },
                "run", "Type ops into Username.", "--url", app.BaseUrl + "/login", "--recordings", Path.Combine(dir, "rec"));
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            var recording = Directory.GetDirectories(Path.Combine(dir, "rec")).Single();
            // The local page reports being opened to the app, so the test sees it even if nothing else would.
            var local = Path.Combine(dir, "private.html");
            File.WriteAllText(local, $"<!doctype html><title>private</title><h1>LOCAL-FILE-MARKER</h1><script>new Image().src = '{app.BaseUrl}/local-file-opened';</script>");
            var manifest = Path.Combine(recording, "run.json");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(app.BaseUrl + "/login", new Uri(local).AbsoluteUri, StringComparison.Ordinal));
            StringAssert.Contains(File.ReadAllText(manifest), "file://", "the edit took");

            var replay = await CliProcess.RunAsync(dir, Timeout, new Dictionary<string, string?> { ["ACTIONAGENT_SECRET_OPS_PASSWORD"] = "ops-pass" },
                "replay", recording, "--recordings", Path.Combine(dir, "replays"));

            await Task.Delay(500);
            Assert.IsFalse(app.State.Requests.Any(r => r.Path == "/local-file-opened"), "the replay opened the local file\n" + replay);
            Assert.AreNotEqual(0, replay.ExitCode, replay.ToString());
            StringAssert.Contains(replay.StdErr, "file", replay.ToString());
            var written = Directory.Exists(Path.Combine(dir, "replays"))
                ? Directory.EnumerateFiles(Path.Combine(dir, "replays"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png", StringComparison.Ordinal)).Select(File.ReadAllText)
                : [];
            Assert.IsFalse(written.Any(t => t.Contains("LOCAL-FILE-MARKER", StringComparison.Ordinal)), "the local file's text is in the replay's recording");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public async Task Replay_SecretWithoutValue_OneLineAndExit2BeforeTheBrowser()
    {
        var dir = CliProcess.NewWorkDir("aa-replay-secret-");
        try
        {
            await using var app = await SampleAppServer.StartAsync();
            var run = await CliProcess.RunAsync(dir, Timeout, new Dictionary<string, string?> { ["ACTIONAGENT_SECRET_OPS_PASSWORD"] = "ops-pass" },
                "run", "Type ops into Username. Type {{secret:OPS_PASSWORD}} into Password. Click Sign in.", "--url", app.BaseUrl + "/login", "--recordings", Path.Combine(dir, "rec"));
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            var requestsBefore = app.State.Requests.Count;

            var replay = await CliProcess.RunAsync(dir, Timeout, new Dictionary<string, string?> { ["ACTIONAGENT_SECRET_OPS_PASSWORD"] = null },
                "replay", Directory.GetDirectories(Path.Combine(dir, "rec")).Single(), "--base-url", app.BaseUrl, "--recordings", Path.Combine(dir, "replays"));

            Assert.AreEqual(2, replay.ExitCode, replay.ToString());
            var lines = replay.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.AreEqual(1, lines.Length, replay.ToString());
            StringAssert.Contains(lines[0], "OPS_PASSWORD", replay.ToString());
            Assert.AreEqual(requestsBefore, app.State.Requests.Count, "no browser opened the app");
            Assert.IsFalse(Directory.Exists(Path.Combine(dir, "replays")), "no replay recording was started");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
