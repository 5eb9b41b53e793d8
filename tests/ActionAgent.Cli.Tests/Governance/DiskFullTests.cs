using System.Diagnostics;
using ActionAgent.TestKit;
using ActionAgent.TestKit.Hostile;

namespace ActionAgent.Cli.Tests.Governance;

/// <summary>
/// The recordings disk fills up during a real run (a small tmpfs): one clear line, exit 3, no run.json.tmp left, and no
/// action reached the server unless its step was written down first.
/// </summary>
[TestClass]
public sealed class DiskFullTests
{
    private string _dir = "";
    private string _mount = "";

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-diskfull-");
        _mount = Directory.CreateDirectory(Path.Combine(_dir, "rec")).FullName;
    }

    [TestCleanup]
    public void Cleanup()
    {
        Run("umount", _mount);
        Directory.Delete(_dir, recursive: true);
    }

    [TestMethod]
    [DataRow(4)]
    [DataRow(24)]
    [DataRow(48)]
    public async Task Run_RecordingsDiskFills_OneLineExit3NoTmpAndNothingRanUnrecorded(int kilobytes)
    {
        if (Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", _mount) != 0)
        {
            Assert.Inconclusive("mounting a small tmpfs needs root (CAP_SYS_ADMIN); the recorder's disk-full handling is covered in AgentLoopRecordingFailureTests");
        }

        await using var site = await HostileSite.StartAsync();
        var r = await CliProcess.RunAsync(_dir, TimeSpan.FromMinutes(3), "run", "Click Save draft", "--url", $"{site.BaseUrl}/fetch-post", "--yes",
            "--perception", "dom", "--recordings", _mount, "--run-id", "full-disk", "--max-steps", "4");

        Assert.AreEqual(3, r.ExitCode, r.ToString());
        var output = r.StdOut + r.StdErr;
        StringAssert.Contains(output, "could not write the recording", r.ToString());
        Assert.IsFalse(output.Contains("   at ", StringComparison.Ordinal), "no stack trace: " + r);
        Assert.AreEqual(1, output.Split('\n').Count(l => l.Contains("could not write the recording", StringComparison.Ordinal)), "said once: " + r);
        Assert.AreEqual(0, Directory.GetFiles(_mount, "*.tmp", SearchOption.AllDirectories).Length, "no half-written run.json.tmp");
        var steps = Path.Combine(_mount, "full-disk", "steps.jsonl");
        var recordedClicks = File.Exists(steps) ? File.ReadLines(steps).Count(l => l.Contains("\"click\"", StringComparison.OrdinalIgnoreCase)) : 0;
        Assert.IsTrue(site.Mutations.Count == 0 || recordedClicks > 0,
            $"{site.Mutations.Count} POST(s) reached the server but steps.jsonl records no click:\n{r}");
        TestContext.WriteLine($"tmpfs {kilobytes} KB: exit {r.ExitCode}, {site.Mutations.Count} POST(s), {recordedClicks} click line(s)");
    }

    private static int Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
