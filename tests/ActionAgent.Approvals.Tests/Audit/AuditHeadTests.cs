using System.Text.Json;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Commands;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Recording;

namespace ActionAgent.Approvals.Tests.Audit;

/// <summary>The head (SEQ:HASH) a run records lets verify tell a log that lost its last entries, which the chain alone cannot.</summary>
[TestClass]
public sealed class AuditHeadTests
{
    private TempDir _dir = null!;
    private string _path = null!;
    private AuditLog _log = null!;

    [TestInitialize]
    public async Task Init()
    {
        _dir = new TempDir();
        _path = _dir.File("audit.jsonl");
        _log = new AuditLog(_path, new ManualTimeProvider());
        for (var i = 1; i <= 5; i++)
        {
            await _log.AppendAsync("verdict", new { step = i });
        }
    }

    [TestCleanup]
    public void Cleanup() => _dir.Dispose();

    [TestMethod]
    public async Task ReadHeadAsync_AfterDamagedTail_IsTheLastSoundEntry()
    {
        var fifth = File.ReadLines(_path).Last();
        AuditForge.AppendText(_path, "{\"seq\":6,\"at\":");

        var head = await _log.ReadHeadAsync();

        Assert.AreEqual($"5:{AuditForge.HashOf(fifth)}", head?.ToString());
        Assert.IsNull(await new AuditLog(_dir.File("none.jsonl")).ReadHeadAsync());
    }

    [TestMethod]
    public async Task Verify_LogCutBelowARecordedHead_ReportsTheCut()
    {
        var head = (await _log.ReadHeadAsync())!;
        File.WriteAllLines(_path, File.ReadLines(_path).Take(3).ToArray());

        var plain = AuditLog.Verify(_path);
        var checkedHead = AuditLog.Verify(_path, [new ExpectedAuditHead(head, "run r1")]);

        Assert.IsTrue(plain.IsValid, "the chain alone cannot see a cut at the end");
        Assert.IsFalse(checkedHead.IsValid);
        Assert.IsNull(checkedHead.Findings.Single().Line);
        StringAssert.Contains(checkedHead.Message, $"run r1 recorded head 5:{head.Hash[..12]}…, but the log ends at entry 3");
    }

    [TestMethod]
    public async Task Verify_LogCutAndRegrown_ReportsTheRewrite()
    {
        var head = (await _log.ReadHeadAsync())!;
        File.WriteAllLines(_path, File.ReadLines(_path).Take(3).ToArray());
        await _log.AppendAsync("verdict", new { step = 40 });
        await _log.AppendAsync("verdict", new { step = 50 });

        var result = AuditLog.Verify(_path, [new ExpectedAuditHead(head, "run r1")]);

        Assert.IsTrue(AuditLog.Verify(_path).IsValid, "the regrown chain is whole");
        Assert.IsFalse(result.IsValid);
        StringAssert.Contains(result.Message, "the log was rewritten after that run");
    }

    [TestMethod]
    public async Task Verify_RecordedHeadStillThere_IsIntact()
    {
        var head = (await _log.ReadHeadAsync())!;
        await _log.AppendAsync("verdict", new { step = 6 });

        var result = AuditLog.Verify(_path, [new ExpectedAuditHead(head, "run r1")]);

        Assert.IsTrue(result.IsValid, result.Message);
        Assert.AreEqual(6, result.Head!.Seq);
    }

    [TestMethod]
    [DataRow("5")]
    [DataRow("5:abc")]
    [DataRow("0:0000000000000000000000000000000000000000000000000000000000000000")]
    [DataRow("-1:0000000000000000000000000000000000000000000000000000000000000000")]
    [DataRow("5:ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    public void VerifyCommand_MalformedExpectHead_ExitsTwoAndSaysWhatToGive(string text)
    {
        var err = new StringWriter();

        var code = AuditCommands.Verify(_path, [text], null, new StringWriter(), err);

        Assert.AreEqual(2, code);
        StringAssert.Contains(err.ToString(), "is not SEQ:HASH");
        StringAssert.Contains(err.ToString(), "versions.auditHead");
    }

    [TestMethod]
    public async Task AuditHeadRecorder_RunEnd_RecordsTheHeadAndVerifyRecordingsFindsACut()
    {
        var recordings = _dir.File("recordings");
        var recorder = new AuditHeadRecorder(new JsonRunRecorder(recordings), _log);
        var manifest = new RunManifest { RunId = "run-7", Task = "Approve refund" };
        await recorder.BeginAsync(manifest);
        await _log.AppendAsync("verdict", new { step = 6 });
        await recorder.CompleteAsync(manifest with { Status = Core.Runtime.RunStatus.Completed });
        using (var run = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(recordings, "run-7", "run.json"))))
        {
            var versions = run.RootElement.GetProperty("versions");
            Assert.AreEqual((await _log.ReadHeadAsync())!.ToString(), versions.GetProperty("auditHead").GetString());
            Assert.AreEqual(_path, versions.GetProperty("auditLog").GetString());
        }

        var okOut = new StringWriter();
        var ok = AuditCommands.Verify(_path, [], recordings, okOut, new StringWriter());
        File.WriteAllLines(_path, File.ReadLines(_path).Take(4).ToArray());
        var err = new StringWriter();
        var cut = AuditCommands.Verify(_path, [], recordings, new StringWriter(), err);

        Assert.AreEqual(0, ok, okOut.ToString());
        StringAssert.Contains(okOut.ToString(), "1 runs in");
        Assert.AreEqual(1, cut, err.ToString());
        StringAssert.Contains(err.ToString(), "audit.jsonl: run run-7 recorded head 6:");
        StringAssert.Contains(err.ToString(), "the log ends at entry 4");
    }

    [TestMethod]
    public void VerifyCommand_RecordingsFolderMissing_ExitsTwo()
    {
        var err = new StringWriter();

        Assert.AreEqual(2, AuditCommands.Verify(_path, [], _dir.File("nope"), new StringWriter(), err));
        StringAssert.Contains(err.ToString(), "no such folder");
    }
}
