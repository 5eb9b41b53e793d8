using ActionAgent.TestKit;
using ActionAgent.Approvals.Reviewers;
using ActionAgent.Approvals.Store;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Browser.Network;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Policy;
using Microsoft.Playwright;

namespace ActionAgent.Approvals.Tests.Network;

/// <summary>The network guard in real headless Chromium against a tiny site on 127.0.0.1 (evil.test maps to it too).</summary>
[TestClass]
[DoNotParallelize]
public sealed class NetworkGuardTests
{
    private static IPlaywright s_playwright = null!;
    private static IBrowser s_browser = null!;
    private TinySite _site = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private NetworkGuard? _guard;

    [ClassInitialize]
    public static async Task ClassInit(TestContext context)
    {
        // evil.test resolves to the same loopback server, so a request that is not blocked really arrives there.
        (s_playwright, s_browser) = await TestChromium.LaunchAsync("--host-resolver-rules=MAP *.test 127.0.0.1");
    }

    [ClassCleanup]
    public static async Task ClassCleanup()
    {
        await s_browser.DisposeAsync();
        s_playwright.Dispose();
    }

    [TestInitialize]
    public async Task Init()
    {
        _site = await TinySite.StartAsync();
        _context = await s_browser.NewContextAsync(new() { ServiceWorkers = ServiceWorkerPolicy.Block });
        _page = await _context.NewPageAsync();
    }

    [TestCleanup]
    public async Task Cleanup()
    {
        if (_guard is not null)
        {
            await _guard.DisposeAsync();
        }

        await _context.DisposeAsync();
        await _site.DisposeAsync();
    }

    private async Task<NetworkGuard> GuardAsync(IApprover? approver, NetworkGuardMode mode = NetworkGuardMode.Guard, params string[] exempt)
    {
        _guard = new NetworkGuard(new NetworkGuardOptions
        {
            Mode = mode,
            Domains = new DomainRules { Allowed = ["127.0.0.1"], Denied = ["evil.test"] },
            Exempt = exempt,
            RunId = "run-7",
            ApprovedActionGrace = TimeSpan.Zero,
        }, approver);
        await _guard.AttachAsync(_context);
        await _page.GotoAsync(_site.Url);
        return _guard;
    }

    [TestMethod]
    public async Task DeniedDomain_FetchIsAbortedAndNeverArrives()
    {
        var guard = await GuardAsync(new RecordingApprover());

        await _page.ClickAsync("#evil");

        await Assertions.Expect(_page).ToHaveTitleAsync("evil-blocked");
        Assert.AreEqual(0, _site.HitsOf("GET /steal"), "the request must not reach the denied host");
        var blocked = guard.Events.Single(e => e.Kind == NetworkEventKind.Blocked);
        StringAssert.Contains(blocked.Url, "evil.test");
        Assert.AreEqual("evil.test is a denied domain", blocked.Reason);
    }

    [TestMethod]
    public async Task DeniedDomain_NavigationAndPopupAreBlocked()
    {
        var guard = await GuardAsync(new RecordingApprover());

        var popupTask = _page.WaitForPopupAsync();
        await _page.ClickAsync("#popup");
        var popup = await popupTask;
        await Eventually.TrueAsync(() => guard.Events.Any(e => e.Kind == NetworkEventKind.Blocked), "the popup's navigation to be blocked");
        var navigation = await Assert.ThrowsAsync<PlaywrightException>(() => _page.GotoAsync($"http://evil.test:{_site.Port}/popup"));

        StringAssert.Contains(navigation.Message, "ERR_BLOCKED_BY_CLIENT");
        Assert.AreEqual(0, _site.HitsOf("GET /popup"));
        Assert.AreEqual(2, guard.Events.Count(e => e.Kind == NetworkEventKind.Blocked && e.IsNavigation));
        await popup.CloseAsync();
    }

    [TestMethod]
    public async Task UnapprovedPost_IsHeldUntilApproved_ThenContinues()
    {
        var approver = new RecordingApprover();
        var guard = await GuardAsync(approver);

        await _page.ClickAsync("#refund");
        var request = await approver.Requested.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.AreEqual(0, _site.HitsOf("POST /api/refund"), "held: the server has not seen it yet");
        Assert.AreEqual("network.unapproved-mutation", request.Verdict.Rule);
        Assert.AreEqual(RiskClass.Egress, request.Verdict.Risk);
        Assert.AreEqual($"POST {_site.Url}api/refund (9 bytes)", request.Proposal.StepText);
        Assert.AreEqual("run-7/net", request.RunId);
        Assert.AreEqual(_site.Url, request.Url);
        approver.Answer.SetResult(ApprovalDecision.Approve("alice"));

        await Assertions.Expect(_page).ToHaveTitleAsync("posted:ok");
        Assert.AreEqual(1, _site.HitsOf("POST /api/refund"));
        CollectionAssert.AreEqual(new[] { NetworkEventKind.Held, NetworkEventKind.Approved }, guard.Events.Select(e => e.Kind).ToArray());
    }

    [TestMethod]
    public async Task UnapprovedPost_Rejected_IsAborted()
    {
        var approver = new RecordingApprover();
        var guard = await GuardAsync(approver);

        await _page.ClickAsync("#refund");
        await approver.Requested.Task.WaitAsync(TimeSpan.FromSeconds(10));
        approver.Answer.SetResult(ApprovalDecision.Reject("bob", "not part of the task"));

        await Assertions.Expect(_page).ToHaveTitleAsync("failed");
        Assert.AreEqual(0, _site.HitsOf("POST /api/refund"));
        StringAssert.Contains(guard.Events.Last().Reason, "rejected by bob: not part of the task");
    }

    [TestMethod]
    public async Task UnapprovedFormSubmitNavigation_IsHeldToo()
    {
        var approver = new RecordingApprover();
        await GuardAsync(approver);

        // The click returns while the form's POST navigation is still held.
        var click = _page.ClickAsync("#submit");
        var request = await approver.Requested.Task.WaitAsync(TimeSpan.FromSeconds(10));
        approver.Answer.SetResult(ApprovalDecision.Approve("alice"));

        StringAssert.Contains(request.Proposal.StepText, "POST");
        await click;
        await Assertions.Expect(_page.Locator("#done")).ToHaveTextAsync("Refund filed");
        Assert.AreEqual(1, _site.HitsOf("POST /form"));
    }

    [TestMethod]
    public async Task ExemptEndpoint_PassesWithoutAskingAnyone()
    {
        var approver = new RecordingApprover();
        var guard = await GuardAsync(approver, NetworkGuardMode.Guard, "POST */api/search*");

        await _page.ClickAsync("#search");

        await Assertions.Expect(_page).ToHaveTitleAsync("search:found");
        Assert.IsFalse(approver.Requested.Task.IsCompleted);
        Assert.AreEqual(NetworkEventKind.Exempt, guard.Events.Single().Kind);
    }

    [TestMethod]
    public async Task ApprovedActionInFlight_PostPassesWithoutASecondPrompt()
    {
        var approver = new RecordingApprover();
        var guard = await GuardAsync(approver);

        using (guard.BeginApprovedAction("step 4: click Refund"))
        {
            await _page.ClickAsync("#refund");
            await Assertions.Expect(_page).ToHaveTitleAsync("posted:ok");
        }

        Assert.IsFalse(approver.Requested.Task.IsCompleted);
        Assert.AreEqual(1, _site.HitsOf("POST /api/refund"));
        Assert.IsFalse(guard.ApprovedActionInFlight);
    }

    [TestMethod]
    public async Task ApproverAndExecutorDecorators_ArmTheGuardForTheApprovedAction()
    {
        var held = new RecordingApprover();
        var guard = await GuardAsync(held);
        var approver = new NetworkGuardApprover(AutoApprover.ApproveAll, guard);
        var executor = new NetworkGuardExecutor(new ClickExecutor(_page, "#refund"), guard);

        var click = Build.Click(7, "the Submit refund button");
        await approver.RequestAsync(Build.Request(action: click.Action));
        await executor.ExecuteAsync(click, Build.Page());

        await Assertions.Expect(_page).ToHaveTitleAsync("posted:ok");
        Assert.IsFalse(held.Requested.Task.IsCompleted, "the approved click's POST is not held again");
    }

    [TestMethod]
    public async Task LogMode_ReportsButBlocksNothing()
    {
        var guard = await GuardAsync(new RecordingApprover(), NetworkGuardMode.Log);

        await _page.ClickAsync("#evil");
        await Assertions.Expect(_page).ToHaveTitleAsync("evil-ok");
        await _page.ClickAsync("#refund");
        await Assertions.Expect(_page).ToHaveTitleAsync("posted:ok");

        Assert.AreEqual(1, _site.HitsOf("GET /steal"));
        Assert.AreEqual(2, guard.Events.Count(e => e.Kind == NetworkEventKind.Violation));
    }

    [TestMethod]
    public async Task RedirectToDeniedDomain_IsReported()
    {
        var guard = await GuardAsync(new RecordingApprover());

        try
        {
            await _page.GotoAsync($"{_site.Url}go-evil");
        }
        catch (PlaywrightException)
        {
            // Whether the page loads is up to Chromium; the report is what this test is about.
        }

        await Eventually.TrueAsync(() => guard.Events.Any(e => e.Kind == NetworkEventKind.RedirectToDenied), "the redirect to be reported");
    }

    [TestMethod]
    public async Task HeldRequest_GoesThroughTheApprovalStore_AndTheDashboardDecisionReleasesIt()
    {
        using var dir = new TempDir();
        var store = await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = dir.File("a.db") });
        var approver = new StoreApprover(store, new StoreApproverOptions { PollInterval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromMinutes(1) });
        await GuardAsync(approver);

        await _page.ClickAsync("#refund");
        StoredApproval? pending = null;
        await Eventually.TrueAsync(async () => (pending = (await store.ListAsync(ApprovalStatus.Pending)).FirstOrDefault()) is not null, "the held request in the store");
        Assert.AreEqual("network.unapproved-mutation", pending!.Rule);
        Assert.AreEqual(0, _site.HitsOf("POST /api/refund"));
        await store.DecideAsync(pending.IdempotencyKey, new ReviewerDecision(true, "alice"));

        await Assertions.Expect(_page).ToHaveTitleAsync("posted:ok");
        Assert.AreEqual(1, _site.HitsOf("POST /api/refund"));
        Assert.IsNotNull((await store.FindAsync(pending.IdempotencyKey))!.ExecutedAt);
    }

    /// <summary>Records the request it gets and answers when the test says so.</summary>
    private sealed class RecordingApprover : IApprover
    {
        public TaskCompletionSource<ApprovalRequest> Requested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<ApprovalDecision> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
        {
            Requested.TrySetResult(request);
            return Answer.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Clicks a selector: a stand-in for the Browser helper's executor.</summary>
    private sealed class ClickExecutor(IPage page, string selector) : Core.Execution.IActionExecutor
    {
        public async Task<Core.Execution.ActionOutcome> ExecuteAsync(Core.Decision.ProposedAction proposal, Core.Perception.Observation observation, CancellationToken cancellationToken = default)
        {
            await page.ClickAsync(selector);
            await Assertions.Expect(page).ToHaveTitleAsync("posted:ok");
            return Core.Execution.ActionOutcome.Success();
        }
    }
}
