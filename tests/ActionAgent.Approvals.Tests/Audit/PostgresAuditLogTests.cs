using System.Globalization;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Commands;
using ActionAgent.Approvals.Store;
using ActionAgent.TestKit;
using Npgsql;

namespace ActionAgent.Approvals.Tests.Audit;

/// <summary>
/// The audit log in PostgreSQL (<c>--audit postgres://…</c>): appenders on separate connection pools (as separate worker
/// processes would be) build one chain, and <c>audit verify</c> names an edited or deleted row. One throw-away cluster for
/// the class, one fresh database per test; Inconclusive (never passed) when PostgreSQL is not installed.
/// </summary>
[TestClass]
public sealed class PostgresAuditLogTests
{
    private static PostgresServer? s_server;
    private static string? s_reason;
    private string _url = "";

    [ClassInitialize]
    public static async Task StartServer(TestContext context) => (s_server, s_reason) = await PostgresServer.StartAsync();

    [ClassCleanup]
    public static async Task StopServer()
    {
        if (s_server is not null)
        {
            await s_server.DisposeAsync();
        }
    }

    [TestInitialize]
    public async Task CreateDatabase()
    {
        if (s_server is null)
        {
            Assert.Inconclusive(s_reason ?? "PostgreSQL did not start");
        }

        var name = "audit_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(s_server.StoreUrl, $"CREATE DATABASE {name}");
        _url = string.Create(CultureInfo.InvariantCulture, $"postgres://postgres:not-a-real-password@127.0.0.1:{s_server.Port}/{name}");
    }

    [TestMethod]
    public async Task Append_ThreeAppendersAtOnce_OneChainWithoutForksAndVerifyIntact()
    {
        const int Appenders = 3, Each = 40;
        var logs = Enumerable.Range(0, Appenders).Select(_ => AuditLog.Open(_url)).ToList();

        // Each appender also overlaps with itself (4 at a time), so appends really race on the head.
        var entries = await Task.WhenAll(logs.SelectMany((log, a) => Enumerable.Range(0, 4).Select(async lane =>
        {
            var mine = new List<AuditEntry>();
            for (var i = lane; i < Each; i += 4)
            {
                mine.Add(await log.AppendAsync("test", new { appender = a, i }));
            }

            return mine;
        })));

        var all = entries.SelectMany(e => e).ToList();
        CollectionAssert.AreEquivalent(Enumerable.Range(1, Appenders * Each).Select(i => (long)i).ToList(), all.Select(e => e.Seq).ToList(),
            "every append got its own sequence number: no two chained from the same head");
        var byPrev = all.GroupBy(e => e.PrevHash).Where(g => g.Count() > 1).ToList();
        Assert.AreEqual(0, byPrev.Count, "no fork: no two entries follow the same entry");
        var result = await AuditLog.VerifyAsync(_url, []);
        Assert.IsTrue(result.IsValid, result.Message);
        Assert.AreEqual(Appenders * Each, result.Entries);
        Assert.AreEqual(all.MaxBy(e => e.Seq)!.Hash, (await logs[0].ReadHeadAsync())!.Hash, "the head every appender sees is the last entry");
    }

    [TestMethod]
    public async Task Verify_EditedAndDeletedRows_AuditVerifyNamesThemWithoutThePassword()
    {
        var log = AuditLog.Open(_url);
        for (var i = 0; i < 6; i++)
        {
            await log.AppendAsync("decision", new { reviewer = "rita", approval = i });
        }

        await ExecuteAsync(_url, "UPDATE aa_audit SET line = replace(line, '\"rita\"', '\"mallory\"') WHERE id = 3");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = AuditCommands.Verify(_url, stdout, stderr);

        Assert.AreEqual(1, exit, stdout.ToString() + stderr);
        StringAssert.Contains(stderr.ToString(), "#aa_audit:3: entry 3 was modified");
        Assert.IsFalse(stderr.ToString().Contains("not-a-real-password", StringComparison.Ordinal), "the password is never printed");

        await ExecuteAsync(_url, "UPDATE aa_audit SET line = replace(line, '\"mallory\"', '\"rita\"') WHERE id = 3; DELETE FROM aa_audit WHERE id = 5");
        var deleted = await AuditLog.VerifyAsync(_url, []);
        Assert.IsFalse(deleted.IsValid);
        StringAssert.Contains(deleted.Message, "entry 6 does not follow line 4");

        // The next append chains from the last sound entry, as with a file.
        var next = await log.AppendAsync("decision", new { reviewer = "rob" });
        Assert.AreEqual(7, next.Seq);
    }

    [TestMethod]
    public async Task Open_FileAndUrl_FileStaysTheDefaultAndUnreachableDatabaseIsOneLine()
    {
        var file = Path.Combine(Path.GetTempPath(), "aa-audit-" + Guid.NewGuid().ToString("N")[..8] + ".jsonl");
        try
        {
            var fileLog = AuditLog.Open(file);
            await fileLog.AppendAsync("test", new { n = 1 });
            Assert.IsTrue(File.Exists(file), "a path is still a JSONL file");
            Assert.AreEqual(1, AuditLog.Verify(file).Entries);
        }
        finally
        {
            File.Delete(file);
        }

        var unreachable = AuditLog.Open("postgres://u:secret@127.0.0.1:1/none");
        var e = await Assert.ThrowsExactlyAsync<IOException>(() => unreachable.AppendAsync("test", new { n = 1 }));
        StringAssert.StartsWith(e.Message, "audit log postgres://127.0.0.1:1/none cannot be reached");
        Assert.IsFalse(e.Message.Contains("secret", StringComparison.Ordinal));
    }

    private static async Task ExecuteAsync(string url, string sql)
    {
        await using var db = new NpgsqlConnection(ApprovalStoreLocation.Parse(url).PostgresConnectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db);
        await cmd.ExecuteNonQueryAsync();
    }
}
