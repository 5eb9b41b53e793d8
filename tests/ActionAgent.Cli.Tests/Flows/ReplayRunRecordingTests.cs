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
