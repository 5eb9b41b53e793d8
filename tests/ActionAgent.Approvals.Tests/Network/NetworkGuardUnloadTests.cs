using ActionAgent.TestKit;
using ActionAgent.TestKit.Fakes;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Browser.Network;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using Microsoft.Playwright;

namespace ActionAgent.Approvals.Tests.Network;

/// <summary>
/// The network guard against a hostile page in real headless Chromium: data sent while the page unloads or its context
/// closes, held requests that nobody approves, and submits the policy allows. evil.test maps to the same loopback server,
/// so a request that is not stopped really arrives and is counted.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class NetworkGuardUnloadTests
{
    private UnloadSite _site = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private NetworkGuard _guard = null!;

    [TestInitialize]
    public async Task Init()
    {
        _site = await UnloadSite.StartAsync();
        (_playwright, _browser) = await TestChromium.LaunchAsync("--host-resolver-rules=MAP *.test 127.0.0.1");
        _context = await _browser.NewContextAsync(new() { ServiceWorkers = ServiceWorkerPolicy.Block });
        _page = await _context.NewPageAsync();
    }

    [TestCleanup]
    public async Task Cleanup()
    {
        await _guard.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _site.DisposeAsync();
    }

    private async Task GuardAsync(IApprover approver)
    {
        _guard = new NetworkGuard(new NetworkGuardOptions
        {
            Domains = new DomainRules { Allowed = ["127.0.0.1"], Denied = ["evil.test"] },
            RunId = "run-9",
            ApprovedActionGrace = TimeSpan.Zero,
        }, approver);
        await _guard.AttachAsync(_context);
        await _page.GotoAsync(_site.Url);
    }

    private string LeakReport() => $"{_site.LeakCount} unapproved request(s) reached the server: {string.Join(", ", _site.Leaks.Keys)}";

    [TestMethod]
    public async Task NavigateAway_UnloadBeaconsAndKeepaliveFetches_ReachNoServer()
    {
        await GuardAsync(new AutoApprover(false, "nobody approves"));

        await _page.GotoAsync(_site.Url + "other");

        // 2 keepalive fetches in beforeunload, 2 beacons in pagehide, 1 keepalive fetch and 1 beacon in visibilitychange.
        await Eventually.TrueAsync(() => _guard.Events.Count(e => e.Url.Contains("/leak/", StringComparison.Ordinal) && e.Kind is NetworkEventKind.Blocked or NetworkEventKind.Rejected) >= 6,
            "the guard to stop all six unload requests (it saw: " + string.Join(" | ", _guard.Events) + ")");
        Assert.AreEqual(0, _site.LeakCount, LeakReport());
        Assert.IsTrue(_guard.Events.Any(e => e.Kind == NetworkEventKind.Blocked && e.Url.Contains("/leak/pagehide-beacon-evil", StringComparison.Ordinal)),
            "the beacon to the denied host is reported as blocked");
    }

    [TestMethod]
    public async Task RunEnds_GuardDisposedThenContextClosed_UnloadRequestsReachNoServer()
    {
        await GuardAsync(new AutoApprover(false, "nobody approves"));

        // The order AgentHost disposes in: the guard, then the browser session (which closes the context and the browser).
        await _guard.DisposeAsync();
        await _context.CloseAsync();
        await _browser.CloseAsync();
        using var http = new HttpClient();
        await http.GetStringAsync(_site.Url + "other");

        Assert.AreEqual(0, _site.LeakCount, LeakReport());
    }

    private async Task OpenSocketAsync()
    {
        await _page.EvaluateAsync("openSocket()");
        await Assertions.Expect(_page).ToHaveTitleAsync("ws:open");
    }

    [TestMethod]
    public async Task WebSocketMessage_SentWhileNoApprovedActionRuns_IsHeldRejectedAndNeverReachesTheServer()
    {
        await GuardAsync(new AutoApprover(false, "nobody approves"));
        await OpenSocketAsync();

        await _page.EvaluateAsync("sendSocket('delete everything')");

        await Eventually.TrueAsync(() => _guard.Events.Any(e => e.Kind == NetworkEventKind.Rejected && e.Method == "WS"),
            "the guard to reject the message (it saw: " + string.Join(" | ", _guard.Events) + ")");
        Assert.AreEqual(0, _site.WebSocketMessages.Count, "reached the server: " + string.Join(", ", _site.WebSocketMessages));
        Assert.AreEqual("ws:open", await _page.TitleAsync(), "no echo came back");
    }

    [TestMethod]
    public async Task GuardedDecider_AMessageWasHeldAfterItsStepWasChecked_DoneBecomesANotApprovedFailure()
    {
        await GuardAsync(new AutoApprover(false, "nobody approves"));
        var decider = new NetworkGuardDecider(new ScriptedDecider(new DoneAction("synced")), _guard);
        await OpenSocketAsync();

        // The socket sends on its own, after the step that opened it was over.
        await _page.EvaluateAsync("sendSocket('delete everything')");
        var proposal = await decider.DecideAsync(new DecisionContext("r", "Click Sync", 2, Build.Page(_site.Url), []));

        var fail = proposal.Action as FailAction;
        Assert.IsNotNull(fail, proposal.Action.Describe());
        Assert.AreEqual(FailureKind.NotApproved, fail.Failure);
        StringAssert.Contains(fail.Reason, "WS ws://127.0.0.1");
        Assert.AreEqual(0, _site.WebSocketMessages.Count);
    }

    [TestMethod]
    public async Task GuardedDecider_NothingHeld_DoneStaysDone()
    {
        await GuardAsync(new AutoApprover(false, "nobody approves"));
        var decider = new NetworkGuardDecider(new ScriptedDecider(new DoneAction("nothing to do")), _guard);

        var proposal = await decider.DecideAsync(new DecisionContext("r", "look", 1, Build.Page(_site.Url), []));

        Assert.IsInstanceOfType<DoneAction>(proposal.Action);
    }

    [TestMethod]
    public async Task WebSocketMessages_SentByAnApprovedAction_PassInOrderAndTheServerAnswers()
    {
        await GuardAsync(new AutoApprover(false, "nobody approves"));
        await OpenSocketAsync();

        using (_guard.BeginApprovedAction("step 1"))
        {
            await _page.EvaluateAsync("sendSocket('a'); sendSocket('b'); sendSocket('c')");
            await Assertions.Expect(_page).ToHaveTitleAsync("ws:echo:c");
        }

        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, _site.WebSocketMessages.ToArray());
    }

    [TestMethod]
    public async Task GuardedExecutor_ClickSendsAWebSocketMessageNobodyApproves_StepFailsAsNotApproved()
    {
        await GuardAsync(new AutoApprover(false, "not part of the task"));
        await OpenSocketAsync();
        var executor = new NetworkGuardExecutor(new ScriptExecutor(_page, "sendSocket('wipe')",
            () => _guard.Events.Any(e => e.Kind == NetworkEventKind.Held)), _guard);

        var outcome = await executor.ExecuteAsync(Build.Click(1), Build.Page(_site.Url));

        Assert.AreEqual(OutcomeStatus.Failed, outcome.Status, outcome.Message);
        Assert.AreEqual(FailureKind.NotApproved, outcome.Failure);
        Assert.AreEqual(0, _site.WebSocketMessages.Count);
    }

    [TestMethod]
    public async Task GuardedExecutor_HeldRequestRejected_StepFailsAsNotApproved()
    {
        await GuardAsync(new AutoApprover(false, "not part of the task"));
        var executor = new NetworkGuardExecutor(new ClickExecutor(_page, "#save"), _guard);

        var outcome = await executor.ExecuteAsync(Build.Click(1), Build.Page(_site.Url));

        Assert.AreEqual(OutcomeStatus.Failed, outcome.Status, outcome.Message);
        Assert.AreEqual(FailureKind.NotApproved, outcome.Failure);
        StringAssert.Contains(outcome.Message, "POST " + _site.Url + "api/save");
        StringAssert.Contains(outcome.Message, "not part of the task");
        Assert.AreEqual(0, _site.HitsOf("POST /api/save"));
    }

    [TestMethod]
    public async Task GuardedExecutor_HeldRequestApproved_StepSucceeds()
    {
        await GuardAsync(AutoApprover.ApproveAll);
        var executor = new NetworkGuardExecutor(new ClickExecutor(_page, "#save"), _guard);

        var outcome = await executor.ExecuteAsync(Build.Click(1), Build.Page(_site.Url));

        Assert.AreEqual(OutcomeStatus.Succeeded, outcome.Status, outcome.Message);
        await Assertions.Expect(_page).ToHaveTitleAsync("save:saved");
        Assert.AreEqual(1, _site.HitsOf("POST /api/save"));
    }

    [TestMethod]
    public async Task PolicyAllowsSubmit_ItsRequestPassesWithoutASecondPrompt()
    {
        var held = new CountingApprover();
        await GuardAsync(held);
        var policy = new NetworkGuardPolicy(new FixedPolicy(Verdict.Allow(RiskClass.Submit, "actions.submit", "\"Save\" submits a form")), _guard);
        var executor = new NetworkGuardExecutor(new ClickExecutor(_page, "#save"), _guard);
        var click = Build.Click(1, "Save");

        var verdict = policy.Evaluate(click, Build.Page(_site.Url));
        var outcome = await executor.ExecuteAsync(click, Build.Page(_site.Url));

        Assert.AreEqual(VerdictKind.Allow, verdict.Kind);
        Assert.AreEqual(OutcomeStatus.Succeeded, outcome.Status, outcome.Message);
        await Assertions.Expect(_page).ToHaveTitleAsync("save:saved");
        Assert.AreEqual(0, held.Count, "the allowed submit's POST is not held for a second approval");
        Assert.AreEqual(1, _site.HitsOf("POST /api/save"));
    }

    [TestMethod]
    public async Task PolicyAllowsSubmit_ADifferentActionIsStillHeld()
    {
        var held = new CountingApprover();
        await GuardAsync(held);
        var policy = new NetworkGuardPolicy(new FixedPolicy(Verdict.Allow(RiskClass.Submit, "actions.submit", "submits")), _guard);
        var executor = new NetworkGuardExecutor(new ClickExecutor(_page, "#save"), _guard);

        policy.Evaluate(Build.Click(1, "Save"), Build.Page(_site.Url));
        var outcome = await executor.ExecuteAsync(Build.Click(2, "Something else"), Build.Page(_site.Url));

        Assert.AreEqual(1, held.Count, "an allow for one action does not release another action's request");
        Assert.AreEqual(FailureKind.NotApproved, outcome.Failure);
        Assert.AreEqual(0, _site.HitsOf("POST /api/save"));
    }

    [TestMethod]
    public async Task PolicyAllowsReversibleClick_ItsPostIsStillHeld()
    {
        var held = new CountingApprover();
        await GuardAsync(held);
        var policy = new NetworkGuardPolicy(new FixedPolicy(Verdict.Allow(RiskClass.Input, "actions.input", "clicking a button")), _guard);
        var executor = new NetworkGuardExecutor(new ClickExecutor(_page, "#save"), _guard);
        var click = Build.Click(1, "Looks harmless");

        policy.Evaluate(click, Build.Page(_site.Url));
        await executor.ExecuteAsync(click, Build.Page(_site.Url));

        Assert.AreEqual(1, held.Count, "a disguised POST behind an allowed, reversible-looking click is held");
        Assert.AreEqual(0, _site.HitsOf("POST /api/save"));
    }

    /// <summary>Rejects every held request and counts them.</summary>
    private sealed class CountingApprover : IApprover
    {
        private int _count;

        public int Count => _count;

        public Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(ApprovalDecision.Reject("test", "not asked for"));
        }
    }

    /// <summary>A policy with one answer.</summary>
    private sealed class FixedPolicy(Verdict verdict) : IActionPolicy
    {
        public Verdict Evaluate(ProposedAction proposal, Observation observation) => verdict;
    }

    /// <summary>Clicks a selector and waits for the page's fetch to settle: a stand-in for the Browser helper's executor.</summary>
    private sealed class ClickExecutor(IPage page, string selector) : IActionExecutor
    {
        public async Task<ActionOutcome> ExecuteAsync(ProposedAction proposal, Observation observation, CancellationToken cancellationToken = default)
        {
            await page.ClickAsync(selector);
            await page.WaitForFunctionAsync("() => document.title.startsWith('save:')");
            return ActionOutcome.Success("clicked");
        }
    }

    /// <summary>Runs a script in the page and, like the real executor's settle, waits until the page has done its part.</summary>
    private sealed class ScriptExecutor(IPage page, string script, Func<bool> settled) : IActionExecutor
    {
        public async Task<ActionOutcome> ExecuteAsync(ProposedAction proposal, Observation observation, CancellationToken cancellationToken = default)
        {
            await page.EvaluateAsync(script);
            await Eventually.TrueAsync(settled, "the page to send its message");
            return ActionOutcome.Success("ran the script");
        }
    }
}
