using ActionAgent.Approvals.Audit;
using ActionAgent.TestKit;

namespace ActionAgent.Cli.Tests.Audit;

/// <summary><c>actionagent audit verify</c> as a process: a damaged log gives file:line findings and exit 1, never a stack trace.</summary>
[TestClass]
[DoNotParallelize]
public sealed class AuditCliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private string _dir = "";
    private string _path = "";

    [TestInitialize]
    public async Task Init()
    {
        _dir = CliProcess.NewWorkDir("aa-auditcli-");
        _path = Path.Combine(_dir, "audit.jsonl");
        var log = new AuditLog(_path);
        for (var i = 1; i <= 3; i++)
        {
            await log.AppendAsync("verdict", new { step = i, verdict = "Allow" });
        }
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public async Task AuditVerify_SeqAsStringThenHugeLine_ReportsBothLinesAndExitsOne()
    {
        var lines = await File.ReadAllLinesAsync(_path);
        await File.AppendAllTextAsync(_path, lines[2].Replace("\"seq\":3", "\"seq\":\"4\"", StringComparison.Ordinal) + "\n" + new string('x', 1_100_000) + "\n");

        var r = await CliProcess.RunAsync(_dir, Timeout, "audit", "verify", _path);

        Assert.AreEqual(1, r.ExitCode, r.ToString());
        StringAssert.Contains(r.StdErr, "audit.jsonl:4: field \"seq\" is a string", r.ToString());
        StringAssert.Contains(r.StdErr, "audit.jsonl:5: line is 1,100,000 bytes", r.ToString());
        StringAssert.Contains(r.StdErr, "NOT intact: 2 findings", r.ToString());
        Assert.IsFalse(r.StdErr.Contains("   at ", StringComparison.Ordinal), r.ToString());
    }

    [TestMethod]
    public async Task AuditVerify_ExpectHeadBeyondTheEnd_ExitsOneAndBadHeadExitsTwo()
    {
        var head = (await new AuditLog(_path).ReadHeadAsync())!;
        await File.WriteAllLinesAsync(_path, (await File.ReadAllLinesAsync(_path)).Take(2));

        var cut = await CliProcess.RunAsync(_dir, Timeout, "audit", "verify", _path, "--expect-head", head.ToString());
        var bad = await CliProcess.RunAsync(_dir, Timeout, "audit", "verify", _path, "--expect-head", "three");

        Assert.AreEqual(1, cut.ExitCode, cut.ToString());
        StringAssert.Contains(cut.StdErr, "the log ends at entry 2", cut.ToString());
        Assert.AreEqual(2, bad.ExitCode, bad.ToString());
        StringAssert.Contains(bad.StdErr, "is not SEQ:HASH", bad.ToString());
    }
}
