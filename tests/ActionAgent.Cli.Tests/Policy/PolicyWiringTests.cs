using ActionAgent.Approvals.Dashboard;
using ActionAgent.Approvals.Policies;
using ActionAgent.Approvals.Store;
using ActionAgent.Cli.Hosting;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace ActionAgent.Cli.Tests.Policy;

/// <summary>
/// The composition root's policy wiring end to end: AgentHost in-process against the sample app in headless Chromium,
/// with the SQLite queue and the real dashboard driven by a reviewer in a second Chromium.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class PolicyWiringTests
{
    private const string Token = "alice-token-0123456789abcdef";

    private const string RefundTask = ActionAgent.Cli.Commands.DemoCommand.Task;

    private static IPlaywright s_playwright = null!;
    private static IBrowser s_browser = null!;
    private string _dir = "";

    [ClassInitialize]
    public static async Task ClassInit(TestContext context)
    {
        (s_playwright, s_browser) = await TestChromium.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task ClassCleanup()
    {
        await s_browser.DisposeAsync();
        s_playwright.Dispose();
    }

    [TestInitialize]
    public void Init() => _dir = Directory.CreateTempSubdirectory("aa-policy-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    private static string PolicyYaml(string submit = "require_approval", string timeout = "10m", string exempt = "\"POST */login*\"") => $$"""
        version: 1
        name: e2e
        domains: { allowed: [127.0.0.1], unlisted: deny }
        actions: { read: allow, input: allow, navigation: allow, submit: {{submit}}, destructive: require_approval, credential_entry: allow, egress: require_approval }
        patterns:
          - name: open-forms
            match: '(?m)^(Sign in|File a refund)$'
            on: target
            verdict: allow
            applies_to: [submit]
        approval: { timeout: {{timeout}}, on_timeout: expire, orphan_after: 30s }
        network: { mode: guard, exempt: [{{exempt}}] }
        """;

    private CliSettings Settings(string policyYaml, string approver) => new()
    {
        ConfigPath = Path.Combine(CliProcess.RepoRoot, "playwright.config.json"),
        Policy = PolicyLoader.Parse(policyYaml, "e2e.yaml"),
        Approver = approver,
        ApprovalsDb = Path.Combine(_dir, "approvals.db"),
        AuditPath = Path.Combine(_dir, "audit.jsonl"),
        RecordingsDirectory = Path.Combine(_dir, "rec"),
        Output = Output.OutputMode.Json,
        Perception = ActionAgent.Vision.Perception.PerceptionMode.Dom,
    };

    private static Task<RunResult> StartRun(CliSettings settings, string task, string url) =>
        Task.Run(() => new AgentHost(settings, NullLoggerFactory.Instance).RunAsync(task, url, new StepInterpreter()));

    private async Task<SqliteApprovalStore> OpenStoreAsync() =>
        await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = Path.Combine(_dir, "approvals.db") });

    private static async Task<StoredApproval> WaitForPendingAsync(SqliteApprovalStore store, Task run, Func<StoredApproval, bool>? which = null)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            var pending = (await store.ListAsync(ApprovalStatus.Pending)).FirstOrDefault(a => which?.Invoke(a) ?? true);
            if (pending is not null)
            {
                return pending;
            }

            if (run.IsCompleted)
            {
                await run;
                Assert.Fail("the run ended without asking for an approval");
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("no pending approval within 2 minutes");
    }

    private static async Task DecideInDashboardAsync(Uri dashboard, long id, string? rejectReason)
    {
        var context = await s_browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(dashboard, $"/approvals?token={Token}").ToString());
            await page.GotoAsync(new Uri(dashboard, $"/approvals/{id}").ToString());
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Submit refund");
            if (rejectReason is null)
            {
                await page.Locator("form.approve-form button.approve").ClickAsync();
            }
            else
            {
                await page.Locator("#reject-reason").FillAsync(rejectReason);
                await page.Locator("form.reject-form button.reject").ClickAsync();
            }

            await page.WaitForLoadStateAsync();
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    private static Task<ApprovalDashboard> StartDashboardAsync(SqliteApprovalStore store) =>
        ApprovalDashboard.StartAsync(store, new ApprovalDashboardOptions { Port = 0, Tokens = ReviewerTokens.Parse("alice:" + Token) });

    [TestMethod]
    public async Task WebApprover_ReviewerApprovesInDashboard_RefundFiledExactlyOnce()
    {
        await using var app = await SampleAppServer.StartAsync();
        var store = await OpenStoreAsync();
        await using var dashboard = await StartDashboardAsync(store);
        var run = StartRun(Settings(PolicyYaml(), "web"), RefundTask, app.BaseUrl + "/login");

        var pending = await WaitForPendingAsync(store, run);
        Assert.AreEqual(0, app.State.Refunds.Count, "nothing is filed while the approval waits");
        StringAssert.Contains(pending.ActionSummary, "Submit refund");
        await DecideInDashboardAsync(dashboard.Url, pending.Id, rejectReason: null);
        var result = await run;

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(1, app.State.Refunds.Count);
        var stored = await store.FindAsync(pending.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual(ApprovalStatus.Approved, stored!.Status);
        Assert.IsNotNull(stored.ExecutedAt, "the approval was claimed for execution");
        Assert.IsTrue(stored.ScreenshotWidth > 0, "the request carried the page geometry");
        var recording = RunRecording.Load(result.RecordingPath!);
        StringAssert.StartsWith(recording.Manifest.Versions["policy"], "sha256:");
        Assert.AreEqual(0, AuditCommandsVerify(Path.Combine(_dir, "audit.jsonl")), "the audit chain is intact");
    }

    [TestMethod]
    public async Task WebApprover_ReviewerRejectsWithReason_NoRefundAndReasonRecorded()
    {
        await using var app = await SampleAppServer.StartAsync();
        var store = await OpenStoreAsync();
        await using var dashboard = await StartDashboardAsync(store);
        var run = StartRun(Settings(PolicyYaml(), "web"), RefundTask, app.BaseUrl + "/login");

        // The step interpreter tries a refused step twice: the reviewer rejects both.
        while (!run.IsCompleted)
        {
            var pending = await WaitForPendingOrEndAsync(store, run);
            if (pending is null)
            {
                break;
            }

            await DecideInDashboardAsync(dashboard.Url, pending.Id, "wrong amount, ask finance");
        }

        var result = await run;
        Assert.AreEqual(RunStatus.Failed, result.Status);
        Assert.AreEqual(0, app.State.Refunds.Count);
        var recording = RunRecording.Load(result.RecordingPath!);
        Assert.IsTrue(recording.Steps.Any(s => s.Target?.Name == "Submit refund" && s.Decision is { IsApproved: false } d && d.Reason.Contains("wrong amount", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task WebApprover_NobodyDecidesBeforeTimeout_ApprovalExpiresAndNoRefund()
    {
        await using var app = await SampleAppServer.StartAsync();
        var store = await OpenStoreAsync();
        var result = await StartRun(Settings(PolicyYaml(timeout: "2s"), "web"), RefundTask, app.BaseUrl + "/login");

        Assert.AreEqual(RunStatus.Failed, result.Status);
        Assert.AreEqual(0, app.State.Refunds.Count);
        StringAssert.Contains(result.Message, "expired");
        var all = await store.ListAsync();
        Assert.IsTrue(all.Count > 0 && all.All(a => a.Status == ApprovalStatus.Expired), string.Join(", ", all.Select(a => a.Status)));
    }

    [TestMethod]
    public async Task WebApprover_DashboardRestartedWhilePending_StillDecidable()
    {
        await using var app = await SampleAppServer.StartAsync();
        var store = await OpenStoreAsync();
        var first = await StartDashboardAsync(store);
        var run = StartRun(Settings(PolicyYaml(), "web"), RefundTask, app.BaseUrl + "/login");
        var pending = await WaitForPendingAsync(store, run);

        await first.DisposeAsync();
        var reopened = await OpenStoreAsync();
        await using var second = await StartDashboardAsync(reopened);
        await DecideInDashboardAsync(second.Url, pending.Id, rejectReason: null);
        var result = await run;

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(1, app.State.Refunds.Count);
    }

    [TestMethod]
    public async Task NetworkGuard_PolicyAllowsSubmits_ThatSubmitsOwnRequestPassesWithoutASecondPrompt()
    {
        // Issue 12: a policy that allows submits lets the guard release that submit's request (the guard still holds
        // requests of actions the policy did not see as submits: PolicyProcessTests.NetworkGuard_FetchButton…).
        await using var app = await SampleAppServer.StartAsync();
        var store = await OpenStoreAsync();

        var result = await StartRun(Settings(PolicyYaml(submit: "allow"), "web"), RefundTask, app.BaseUrl + "/login");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(1, app.State.Refunds.Count, "the allowed submit's POST reached the server once");
        Assert.AreEqual(0, (await store.ListAsync(null)).Count, "nobody was asked: the policy allowed the submit");
    }

    [TestMethod]
    public async Task InjectionNote_ReadingNotesPage_CompletesWithoutFollowingItAndAudits()
    {
        await using var app = await SampleAppServer.StartAsync();
        var result = await StartRun(Settings(PolicyYaml(), "none"), "Sign in with username ops and password ops-pass. Go to Notes. Wait for Customer notes.", app.BaseUrl + "/login");

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual(0, app.State.DeletedCustomers.Count);
        var recording = RunRecording.Load(result.RecordingPath!);
        Assert.IsFalse(recording.Steps.Any(s => s.Observation.Url.Contains("evil.example.com", StringComparison.OrdinalIgnoreCase)));
        var audit = File.ReadAllText(Path.Combine(_dir, "audit.jsonl"));
        StringAssert.Contains(audit, "\"injection\"");
        StringAssert.Contains(audit, "/notes");
    }

    private static async Task<StoredApproval?> WaitForPendingOrEndAsync(SqliteApprovalStore store, Task run)
    {
        while (!run.IsCompleted)
        {
            var pending = (await store.ListAsync(ApprovalStatus.Pending)).FirstOrDefault();
            if (pending is not null)
            {
                return pending;
            }

            await Task.Delay(200);
        }

        return null;
    }

    private static int AuditCommandsVerify(string path) => Approvals.Commands.AuditCommands.Verify(path, TextWriter.Null, TextWriter.Null);
}
