using System.Diagnostics;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.EndToEnd;

/// <summary>Ctrl+C on a running <c>actionagent run</c>: the run ends as Cancelled, exit code 130, recording closed.</summary>
[TestClass]
public sealed class CancellationTests
{
    [TestMethod]
    public async Task Run_InterruptedWithSigint_EndsCancelledWithClosedRecording()
    {
        var dir = CliProcess.NewWorkDir("aa-cancel-");
        try
        {
            var recordings = Path.Combine(dir, "rec");
            var interruptedAfter = TimeSpan.Zero;

            var r = await CliProcess.RunAsync(dir, TimeSpan.FromMinutes(2), new Dictionary<string, string?>(), async pid =>
            {
                // Wait until the run is under way (its first screenshot is on disk), then press "Ctrl+C".
                var sw = Stopwatch.StartNew();
                while (!Directory.Exists(recordings) || !Directory.EnumerateFiles(recordings, "step-0001.png", SearchOption.AllDirectories).Any())
                {
                    Assert.IsTrue(sw.Elapsed < TimeSpan.FromSeconds(60), "the run never recorded its first step");
                    await Task.Delay(200);
                }

                await Task.Delay(1000);
                using var kill = Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
                interruptedAfter = sw.Elapsed;
            }, "run", "Wait 30 seconds. Wait 30 seconds.", "--url", "about:blank", "--recordings", recordings);

            Assert.AreEqual(130, r.ExitCode, r.ToString());
            StringAssert.Contains(r.StdOut, "Cancelled", r.ToString());
            var recording = RunRecording.Load(Directory.GetDirectories(recordings).Single());
            Assert.AreEqual(RunStatus.Cancelled, recording.Manifest.Status, "run.json is closed as Cancelled, not left Running");
            Assert.IsFalse(recording.Manifest.Incomplete);
            Assert.IsTrue(recording.Steps.Count >= 1, "the steps before the interrupt are kept");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
