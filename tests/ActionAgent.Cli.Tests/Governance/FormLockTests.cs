using System.Globalization;
using ActionAgent.Approvals.Store;
using ActionAgent.Core.Approval;
using ActionAgent.TestKit;
using ActionAgent.TestKit.Hostile;

namespace ActionAgent.Cli.Tests.Governance;

/// <summary>
/// An approved submit sends what the reviewer saw, or nothing. The real <c>actionagent run</c> process holds "Send
/// transfer" for a reviewer (<c>--approver web</c>); while the approval waits, the hostile transfer page rewrites the
/// amount and recipient, adds a hidden input or points the form elsewhere; then the reviewer approves what was shown.
/// No mutating request may reach the server and the run may not end Completed. An honest form still goes through.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class FormLockTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private const string Policy = """
        version: 1
        name: form-lock
        domains: { allowed: [127.0.0.1], unlisted: deny }
        actions: { read: allow, input: allow, navigation: allow, submit: require_approval, destructive: require_approval, credential_entry: allow, egress: require_approval }
        approval: { timeout: 10m, on_timeout: reject, orphan_after: 60s }
        network: { mode: guard }
        """;

    private string _dir = "";

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Init()
    {
        _dir = CliProcess.NewWorkDir("aa-formlock-");
        File.WriteAllText(PolicyFile, Policy);
    }

    [TestCleanup]
    public void Cleanup()
    {
        if (TestContext.CurrentTestOutcome == UnitTestOutcome.Passed)
        {
            Directory.Delete(_dir, recursive: true);
        }
        else
        {
            TestContext.WriteLine($"kept {_dir} for inspection");
        }
    }

    private string PolicyFile => Path.Combine(_dir, "form-lock.yaml");

    private string Db => Path.Combine(_dir, "approvals.db");

    private string AuditFile => Path.Combine(_dir, "audit.jsonl");

    private Task<CliProcess.Result> StartTransfer(HostileSite site) =>
        CliProcess.RunAsync(_dir, Timeout, "run", "Click Send transfer", "--url", $"{site.BaseUrl}/transfer", "--policy", PolicyFile,
            "--approver", "web", "--approvals-db", Db, "--audit", AuditFile, "--perception", "dom", "--max-steps", "6", "--step-timeout", "30", "--json");

    [TestMethod]
    [DataRow("value", "amount")]
    [DataRow("hidden", "also_to")]
    [DataRow("action", "/api/steal")]
    public async Task Run_FormChangedWhileTheApprovalWaits_NothingIsSentAndTheRunFails(string trap, string named)
    {
        await using var site = await HostileSite.StartAsync();
        var run = StartTransfer(site);
        var pending = await WaitForPendingAsync(run);
        Assert.AreEqual("10", pending.FormFields.Single(f => f.Label.StartsWith("Amount", StringComparison.Ordinal)).Value, "the reviewer is shown the amount the form holds");
        Assert.AreEqual($"POST {site.BaseUrl}/api/transfer", pending.FormFields.Single(f => f.Label == "Sends to").Value, "and where it sends it");

        site.Signal = trap;
        await WaitForAsync(() => site.Requests.Any(r => r.StartsWith("GET /api/tampered?" + trap, StringComparison.Ordinal)), "the page to change its form");
        var approve = await CliProcess.RunAsync(_dir, Timeout, "approvals", "approve", pending.Id.ToString(CultureInfo.InvariantCulture), "--reviewer", "alice",
            "--approvals-db", Db, "--audit", AuditFile);
        Assert.AreEqual(0, approve.ExitCode, approve.ToString());
        var r = await run;

        TestContext.WriteLine(r.ToString());
        Assert.AreEqual(0, site.Mutations.Count, $"the changed form reached the server after the reviewer approved the original: {string.Join(", ", site.Mutations)}\n{r}");
        Assert.AreNotEqual(0, r.ExitCode, "a run whose approved submit was refused is not a success\n" + r);
        var audit = await File.ReadAllTextAsync(AuditFile);
        StringAssert.Contains(audit, "\"form_changed\"", "the refusal is in the audit log");
        StringAssert.Contains(audit, named, "the audit entry names what changed");
        Assert.IsFalse(audit.Contains("10000", StringComparison.Ordinal) || audit.Contains("Mallory", StringComparison.Ordinal), "values are named, not quoted");
    }

    // The form is the one the reviewer saw until the press; the page's own submit handler rewrites it as it is sent. The
    // check before the press cannot see it: the request the form sends is held against the same snapshot and stopped.
    [TestMethod]
    [DataRow("press", DisplayName = "urlencoded")]
    [DataRow("press-multipart", DisplayName = "sent as multipart/form-data")]
    public async Task Run_FormRewrittenByItsOwnSubmitHandler_TheRequestIsStoppedAndTheRunFails(string signal)
    {
        await using var site = await HostileSite.StartAsync();
        var run = StartTransfer(site);
        var pending = await WaitForPendingAsync(run);
        site.Signal = signal;
        await WaitForAsync(() => site.Requests.Any(r => r.StartsWith("GET /api/tampered?" + signal, StringComparison.Ordinal)), "the page to arm its submit handler");

        var approve = await CliProcess.RunAsync(_dir, Timeout, "approvals", "approve", pending.Id.ToString(CultureInfo.InvariantCulture), "--reviewer", "alice",
            "--approvals-db", Db, "--audit", AuditFile);
        Assert.AreEqual(0, approve.ExitCode, approve.ToString());
        var r = await run;

        TestContext.WriteLine(r.ToString());
        Assert.AreEqual(0, site.Mutations.Count, $"the rewritten form reached the server: {string.Join(", ", site.Mutations)}\n{r}");
        Assert.AreNotEqual(0, r.ExitCode, "a run whose approved submit was rewritten is not a success\n" + r);
        StringAssert.Contains(r.StdOut + r.StdErr, "another form than the one the reviewer approved (recipient, amount changed)", r.ToString());
        Assert.IsFalse((r.StdOut + r.StdErr).Contains("10000", StringComparison.Ordinal) || (r.StdOut + r.StdErr).Contains("Mallory", StringComparison.Ordinal), "values are named, not quoted");

        // The auditor sees the stop during the press as they see the one before it.
        var audit = await File.ReadAllTextAsync(AuditFile);
        var entry = audit.Split('\n').SingleOrDefault(l => l.Contains("\"form_changed\"", StringComparison.Ordinal));
        Assert.IsNotNull(entry, "the stopped submission is in the audit log as form_changed\n" + audit);
        StringAssert.Contains(entry, "recipient", "the audit entry names what changed");
        StringAssert.Contains(entry, "amount", "the audit entry names what changed");
        Assert.IsFalse(entry.Contains("10000", StringComparison.Ordinal) || entry.Contains("Mallory", StringComparison.Ordinal), "values are named, not quoted");
    }

    [TestMethod]
    public async Task Run_FormUnchangedWhenApproved_TheApprovedTransferIsSentOnce()
    {
        await using var site = await HostileSite.StartAsync();
        var run = StartTransfer(site);
        var pending = await WaitForPendingAsync(run);

        var approve = await CliProcess.RunAsync(_dir, Timeout, "approvals", "approve", pending.Id.ToString(CultureInfo.InvariantCulture), "--reviewer", "alice",
            "--approvals-db", Db, "--audit", AuditFile);
        Assert.AreEqual(0, approve.ExitCode, approve.ToString());
        var r = await run;

        Assert.AreEqual(0, r.ExitCode, r.ToString());
        CollectionAssert.AreEqual(new[] { "POST /api/transfer" }, site.Mutations.ToArray(), r.ToString());
        var sent = site.Requests.Single(q => q.StartsWith("POST /api/transfer", StringComparison.Ordinal));
        StringAssert.Contains(sent, "recipient=Alice&amount=10&currency=EUR", "what the reviewer saw is what was sent");
    }

    private async Task<StoredApproval> WaitForPendingAsync(Task<CliProcess.Result> run)
    {
        StoredApproval? pending = null;
        await WaitForAsync(async () =>
        {
            if (run.IsCompleted)
            {
                Assert.Fail("the run ended without asking for an approval\n" + await run);
            }

            if (!File.Exists(Db))
            {
                return false;
            }

            var store = await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = Db });
            pending = (await store.ListAsync(ApprovalStatus.Pending)).FirstOrDefault();
            return pending is not null;
        }, "a pending approval");
        return pending!;
    }

    private static Task WaitForAsync(Func<bool> condition, string what) => WaitForAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"waited 2 minutes for {what}");
    }
}
