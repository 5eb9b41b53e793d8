using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Commands;
using ActionAgent.Approvals.Tests.Dashboard;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Tests.Audit;

/// <summary>A damaged or hostile last line: verify names it, later appends (runs, dashboard decisions) still work.</summary>
[TestClass]
public sealed class AuditDamagedTailTests
{
    private TempDir _dir = null!;
    private string _path = null!;
    private string _fifthHash = "";

    [TestInitialize]
    public async Task Init()
    {
        _dir = new TempDir();
        _path = _dir.File("audit.jsonl");
        var log = new AuditLog(_path, new ManualTimeProvider());
        for (var i = 1; i <= 5; i++)
        {
            _fifthHash = (await log.AppendAsync("verdict", new { step = i, verdict = "Allow" })).Hash;
        }
    }

    [TestCleanup]
    public void Cleanup() => _dir.Dispose();

    [TestMethod]
    [DataRow("huge-comment", "longer than")]
    [DataRow("truncated", "cut off")]
    [DataRow("overlong", "longer than")]
    [DataRow("duplicate-keys", "duplicate key \"approved\"")]
    [DataRow("seq-string", "\"seq\" is a string")]
    [DataRow("garbage", "not JSON")]
    [DataRow("invalid-utf8-in-key", "invalid UTF-8")]
    [DataRow("invalid-utf8-in-value", "invalid UTF-8")]
    [DataRow("ansi-key", "unexpected field \"\\u001B[2J")]
    public void VerifyCommand_DamagedLastLine_NamesLineSixAndExitsOne(string damage, string says)
    {
        Damage(damage);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = AuditCommands.Verify(_path, stdout, stderr);

        Assert.AreEqual(1, code, stderr.ToString());
        StringAssert.Contains(stderr.ToString(), "audit.jsonl:6: ", stderr.ToString());
        StringAssert.Contains(stderr.ToString(), says, stderr.ToString());
        Assert.IsFalse(stderr.ToString().Contains("   at ", StringComparison.Ordinal), "no stack trace: " + stderr);
        Assert.IsFalse(stderr.ToString().Contains("Exception", StringComparison.Ordinal), "no exception name: " + stderr);
    }

    [TestMethod]
    [DataRow("huge-comment")]
    [DataRow("truncated")]
    [DataRow("overlong")]
    [DataRow("duplicate-keys")]
    [DataRow("seq-string")]
    [DataRow("garbage")]
    [DataRow("invalid-utf8-in-key")]
    [DataRow("invalid-utf8-in-value")]
    [DataRow("ansi-key")]
    public async Task AppendAsync_AfterDamagedLastLine_ChainsFromTheLastValidEntry(string damage)
    {
        Damage(damage);

        var entry = await new AuditLog(_path).AppendAsync("verdict", new { step = 6, verdict = "Allow" });

        Assert.AreEqual(6, entry.Seq);
        Assert.AreEqual(_fifthHash, entry.PrevHash);
        var result = AuditLog.Verify(_path);
        Assert.IsFalse(result.IsValid);
        Assert.AreEqual(6, result.BadLine, result.Message);
        Assert.AreEqual(1, result.Findings.Count, string.Join("\n", result.Findings));
        var lines = File.ReadAllLines(_path);
        Assert.AreEqual(7, lines.Length, "the new entry starts its own line, even after a line cut off without its newline");
        File.WriteAllLines(_path, lines.Take(5).Append(lines[6]));
        Assert.IsTrue(AuditLog.Verify(_path).IsValid, "without the damaged line the chain is whole: the new entry follows entry 5");
    }

    [TestMethod]
    public async Task DashboardDecision_AfterDamagedAuditTail_IsAppliedAndAudited()
    {
        var dir = new TempDir();
        await using var f = await DashboardFixture.StartAsync(dir);
        var pending = await f.Store.EnqueueAsync(Build.Request(), DateTimeOffset.UtcNow.AddMinutes(10), ApprovalTimeoutBehavior.Expire);
        var log = dir.File("audit.jsonl");
        await new AuditLog(log).AppendAsync("verdict", new { step = 1 });
        AuditForge.AppendText(log, "{\"seq\":2,\"at\":\"2026-11-23T09:00:00.000Z\",\"kind\":\"decision\",\"data\":{\"comment\":\"" + new string('x', 1_100_000) + "\"}");
        var (client, csrf) = await f.LoginAsync(DashboardFixture.AliceToken);

        var response = await client.PostAsync($"/approvals/{pending.Id}/decision", DashboardFixture.Form(("decision", "approve"), ("comment", "checked"), ("csrf", csrf)));

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual(ApprovalStatus.Approved, (await f.Store.FindAsync(pending.IdempotencyKey))!.Status);
        var last = File.ReadLines(log).Last();
        StringAssert.Contains(last, "\"channel\":\"dashboard\"");
    }

    [TestMethod]
    public void Verify_TwentyMegabyteLine_AllocatesUnderFourMegabytes()
    {
        AuditForge.AppendBytes(_path, Enumerable.Repeat((byte)'a', 20 << 20).ToArray());
        GC.Collect();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = AuditLog.Verify(_path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.AreEqual(6, result.BadLine, result.Message);
        Assert.IsTrue(allocated < 4 << 20, $"verify allocated {allocated:N0} bytes for a 20 MB line");
    }

    [TestMethod]
    public void Append_AfterTwentyMegabyteLine_AllocatesUnderFourMegabytes()
    {
        AuditForge.AppendBytes(_path, Enumerable.Repeat((byte)'a', 20 << 20).Append((byte)'\n').ToArray());
        var log = new AuditLog(_path);
        GC.Collect();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var entry = log.Append("verdict", new { step = 6 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.AreEqual(_fifthHash, entry.PrevHash);
        Assert.IsTrue(allocated < 4 << 20, $"append allocated {allocated:N0} bytes after a 20 MB line");
    }

    /// <summary>The line with <paramref name="part"/>'s first letter replaced by a lone UTF-8 lead byte (0xC3 0x28 is not UTF-8).</summary>
    private static byte[] Utf8Broken(string line, string part)
    {
        var at = line.IndexOf(part, StringComparison.Ordinal) + (part[0] == '"' ? 1 : 0);
        return [.. Encoding.UTF8.GetBytes(line[..at]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(line[(at + 1)..] + "\n")];
    }

    private void Damage(string kind)
    {
        var sixth = AuditForge.Line(6, _fifthHash, new JsonObject { ["approved"] = false, ["reviewer"] = "alice" });
        switch (kind)
        {
            case "huge-comment":
                // What an older writer accepted: a self-consistent entry with a 1.1 MB comment.
                AuditForge.AppendText(_path, AuditForge.Line(6, _fifthHash, new JsonObject { ["comment"] = new string('c', 1_100_000) }) + "\n");
                break;
            case "truncated":
                AuditForge.AppendText(_path, sixth[..40]);
                break;
            case "overlong":
                AuditForge.AppendText(_path, new string('x', 70_000) + "\n");
                break;
            case "duplicate-keys":
                AuditForge.AppendText(_path, sixth.Replace("\"approved\":false", "\"approved\":false,\"approved\":true", StringComparison.Ordinal) + "\n");
                break;
            case "seq-string":
                AuditForge.AppendText(_path, sixth.Replace("\"seq\":6", "\"seq\":\"6\"", StringComparison.Ordinal) + "\n");
                break;
            case "garbage":
                AuditForge.AppendBytes(_path, [0x00, 0xFF, 0xFE, (byte)'{', 0x1B, (byte)'[', (byte)'2', (byte)'J', 0xC3, (byte)'\n']);
                break;
            case "invalid-utf8-in-key":
                AuditForge.AppendBytes(_path, Utf8Broken(sixth, "\"reviewer\""));
                break;
            case "invalid-utf8-in-value":
                AuditForge.AppendBytes(_path, Utf8Broken(sixth, "alice"));
                break;
            case "ansi-key":
                AuditForge.AppendText(_path, sixth.Replace("\"seq\":6,", "\"\\u001b[2J\":1,\"seq\":6,", StringComparison.Ordinal) + "\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
