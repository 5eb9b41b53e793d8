using System.Diagnostics;
using System.Text.Json.Nodes;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Tests.Fakes;

namespace ActionAgent.Approvals.Tests.Audit;

/// <summary>Another process writing the log: appends wait for its lock and never land inside its half-written line.</summary>
[TestClass]
public sealed class AuditConcurrencyTests
{
    private TempDir _dir = null!;
    private string _path = null!;

    [TestInitialize]
    public void Init()
    {
        _dir = new TempDir();
        _path = _dir.File("audit.jsonl");
    }

    [TestCleanup]
    public void Cleanup() => _dir.Dispose();

    [TestMethod]
    public async Task AppendAsync_WhileAnotherProcessWritesHalfALine_WaitsAndAppendsAfterIt()
    {
        var log = new AuditLog(_path);
        var fifth = "";
        for (var i = 1; i <= 5; i++)
        {
            fifth = (await log.AppendAsync("verdict", new { step = i })).Hash;
        }

        // Another process (flock(1), the same lock .NET takes) writes entry 6 in two halves and waits in between.
        var sixth = AuditForge.Line(6, fifth, new JsonObject { ["writer"] = "other process" });
        var start = new ProcessStartInfo("flock", [_path, "sh", "-c", "printf '%s' \"$1\" >> \"$2\"; read go; printf '%s\\n' \"$3\" >> \"$2\"", "sh", sixth[..30], _path, sixth[30..]])
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
        };
        // Measured before the start: a quick process can write its first half before the next line runs.
        var before = new FileInfo(_path).Length;
        using var other = Process.Start(start)!;
        // Starting a process can take seconds on a loaded machine: wait long, and say so if it died instead.
        await Eventually.TrueAsync(
            () => new FileInfo(_path).Length > before || other.HasExited,
            "the other process's first half",
            timeoutMs: 60_000);
        Assert.IsFalse(other.HasExited, $"the other process ended early (exit {(other.HasExited ? other.ExitCode : 0)}): {(other.HasExited ? other.StandardError.ReadToEnd() : "")}");

        var append = log.AppendAsync("verdict", new { step = 7 });
        await Task.Delay(300);
        Assert.IsFalse(append.IsCompleted, "the append waits while the other process holds the lock");
        await other.StandardInput.WriteLineAsync("go");
        other.StandardInput.Close();
        await other.WaitForExitAsync();
        var entry = await append;

        Assert.AreEqual(0, other.ExitCode);
        Assert.AreEqual(7, entry.Seq);
        Assert.AreEqual(AuditForge.HashOf(sixth), entry.PrevHash, "chained from the other process's entry");
        Assert.AreEqual(sixth, File.ReadLines(_path).ElementAt(5), "its line is whole");
        var result = AuditLog.Verify(_path);
        Assert.IsTrue(result.IsValid, result.Message);
        Assert.AreEqual(7, result.Entries);
    }

    [TestMethod]
    public async Task AppendAsync_WhileAVerifyReads_WaitsForItAndKeepsTheChain()
    {
        var log = new AuditLog(_path);
        await log.AppendAsync("verdict", new { step = 1 });

        // A verify (or a head read) holds a shared lock for its walk; an append waits for it rather than failing.
        Task<AuditEntry> append;
        using (new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            append = log.AppendAsync("verdict", new { step = 2 });
            await Task.Delay(100);
            Assert.IsFalse(append.IsCompleted, "the append waits for the reader");
        }

        Assert.AreEqual(2, (await append).Seq);
        Assert.IsTrue(AuditLog.Verify(_path).IsValid);
    }
}
