using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Tests.Store;

/// <summary>
/// What every <see cref="IApprovalStore"/> must do, whatever the database: idempotent enqueue, one winning reviewer, one
/// execution claim, expiry and orphaning. Each store's test class derives from this one and says how to open a store on a
/// fresh, empty database; <see cref="Open"/> called twice in one test must reach the same database (a restart, another machine).
/// </summary>
public abstract class ApprovalStoreContractTests
{
    /// <summary>The clock every store of the current test uses.</summary>
    protected ManualTimeProvider Clock { get; private set; } = null!;

    [TestInitialize]
    public void InitClock() => Clock = new ManualTimeProvider();

    /// <summary>Opens a store on the current test's database (a new connection pool each call, as another process would).</summary>
    protected abstract Task<IApprovalStore> Open(TimeSpan? orphanAfter = null);

    private DateTimeOffset In(TimeSpan t) => Clock.GetUtcNow() + t;

    [TestMethod]
    public async Task Enqueue_StoresEverythingTheReviewerNeeds()
    {
        var store = await Open();
        var request = Build.Request() with { Geometry = new ViewportGeometry(1280, 800, 1, 640, 400) };

        var a = await store.EnqueueAsync(request, In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);

        Assert.AreEqual(ApprovalStatus.Pending, a.Status);
        Assert.AreEqual($"run-1:3:{request.Fingerprint.Short}", a.IdempotencyKey);
        Assert.AreEqual(request.Fingerprint.Value, a.Fingerprint, "the row keeps the full fingerprint");
        Assert.AreEqual("click #7 \"the Submit refund button\"", a.ActionSummary);
        Assert.AreEqual("Submit refund", a.TargetLabel);
        Assert.AreEqual(RiskClass.Submit, a.Risk);
        Assert.AreEqual("actions.submit", a.Rule);
        Assert.AreEqual("Refund order 1042 for Ada Lovelace", a.Task);
        Assert.AreEqual(320, a.ScreenshotWidth);
        Assert.AreEqual(200, a.ScreenshotHeight);
        Assert.AreEqual(new ScreenRect(30, 75, 60, 16), a.TargetBox, "the CSS box is scaled to screenshot pixels");
        StringAssert.Contains(a.ActionJson, "\"type\":\"click\"");
        var png = await store.GetScreenshotAsync(a.Id);
        CollectionAssert.AreEqual(request.AnnotatedScreenshot.ToArray(), png.ToArray());
    }

    [TestMethod]
    public async Task Enqueue_SameKeyTwice_ReturnsTheSameRequest()
    {
        var store = await Open();

        var first = await store.EnqueueAsync(Build.Request(), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);
        var second = await store.EnqueueAsync(Build.Request(), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);

        Assert.AreEqual(first.Id, second.Id);
        Assert.AreEqual(1, (await store.ListAsync()).Count);
    }

    [TestMethod]
    public async Task Restart_NewStoreOnSameFile_KeepsPendingApprovals()
    {
        var store = await Open();
        var a = await store.EnqueueAsync(Build.Request(), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);

        var reopened = await Open();
        var found = await reopened.FindAsync(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.IsNotNull(found);
        Assert.AreEqual(ApprovalStatus.Pending, found.Status);
        Assert.AreEqual(a.ActionSummary, found.ActionSummary);
    }

    [TestMethod]
    public async Task Decide_SecondDecision_SaysWhoDecidedFirstAndWhen()
    {
        var store = await Open();
        var a = await store.EnqueueAsync(Build.Request(), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);

        var first = await store.DecideAsync(a.IdempotencyKey, new ReviewerDecision(true, "alice") { Comment = "ok" });
        var second = await store.DecideAsync(a.IdempotencyKey, new ReviewerDecision(false, "bob") { Comment = "no" });

        Assert.IsTrue(first.Applied);
        Assert.IsFalse(second.Applied);
        Assert.AreEqual("already_decided", second.ErrorCode);
        Assert.AreEqual($"approval {a.Id} was already approved by alice at 2026-11-23 09:00:00Z", second.Message);
        Assert.AreEqual(ApprovalStatus.Approved, (await store.FindAsync(a.IdempotencyKey))!.Status);
    }

    [TestMethod]
    public async Task Decide_ConcurrentReviewersOnOneApproval_ExactlyOneWins()
    {
        var store = await Open();
        var a = await store.EnqueueAsync(Build.Request(), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);
        var stores = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Open()));

        var results = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.DecideAsync(a.IdempotencyKey, new ReviewerDecision(i % 2 == 0, $"r{i}") { Comment = "reason" }))));

        Assert.AreEqual(1, results.Count(r => r.Applied));
        Assert.IsTrue(results.Where(r => !r.Applied).All(r => r.ErrorCode == "already_decided"));
    }

    [TestMethod]
    public async Task Decide_UnknownId_IsNotFound()
    {
        var store = await Open();

        var r = await store.DecideAsync("999", new ReviewerDecision(true, "alice"));

        Assert.AreEqual("not_found", r.ErrorCode);
        StringAssert.Contains(r.Message, "no approval \"999\"");
    }

    [TestMethod]
    public async Task Decide_EditOfAClick_IsInvalid_EditOfATypeIsKept()
    {
        var store = await Open();
        var click = await store.EnqueueAsync(Build.Request(step: 1), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);
        var type = await store.EnqueueAsync(Build.Request(step: 2, action: new TypeTextAction(ActionTarget.Element(7), "42.00")), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);

        var bad = await store.DecideAsync(click.IdempotencyKey, new ReviewerDecision(true, "alice") { EditedValue = "x" });
        var good = await store.DecideAsync(type.IdempotencyKey, new ReviewerDecision(true, "alice") { EditedValue = "40.00" });

        Assert.AreEqual("invalid", bad.ErrorCode);
        Assert.AreEqual(ApprovalStatus.Pending, (await store.FindAsync(click.IdempotencyKey))!.Status);
        Assert.IsTrue(good.Applied);
        Assert.AreEqual("40.00", good.Approval!.EditedValue);
        Assert.AreEqual("42.00", good.Approval.ActionValue);
    }

    [TestMethod]
    public async Task TryClaimExecution_SucceedsOnceOnlyAndOnlyWhenApproved()
    {
        var store = await Open();
        var a = await store.EnqueueAsync(Build.Request(), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);

        var beforeApproval = await store.TryClaimExecutionAsync(a.IdempotencyKey);
        await store.DecideAsync(a.IdempotencyKey, new ReviewerDecision(true, "alice"));
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => store.TryClaimExecutionAsync(a.IdempotencyKey))));

        Assert.IsFalse(beforeApproval);
        Assert.AreEqual(1, claims.Count(c => c));
        Assert.IsNotNull((await store.FindAsync(a.IdempotencyKey))!.ExecutedAt);
    }

    [TestMethod]
    public async Task Sweep_AfterTimeout_ExpiresOrRejectsAsThePolicySays()
    {
        var store = await Open(TimeSpan.FromHours(1));
        var expire = await store.EnqueueAsync(Build.Request(step: 1), In(TimeSpan.FromMinutes(5)), ApprovalTimeoutBehavior.Expire);
        var reject = await store.EnqueueAsync(Build.Request(step: 2), In(TimeSpan.FromMinutes(5)), ApprovalTimeoutBehavior.Reject);

        Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.AreEqual(0, await store.SweepAsync());
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.AreEqual(2, await store.SweepAsync());

        Assert.AreEqual(ApprovalStatus.Expired, (await store.FindAsync(expire.IdempotencyKey))!.Status);
        var rejected = (await store.FindAsync(reject.IdempotencyKey))!;
        Assert.AreEqual(ApprovalStatus.Rejected, rejected.Status);
        Assert.AreEqual("timeout", rejected.Reviewer);
        var late = await store.DecideAsync(expire.IdempotencyKey, new ReviewerDecision(true, "alice"));
        Assert.AreEqual("expired", late.ErrorCode);
        Assert.IsFalse(await store.TryClaimExecutionAsync(expire.IdempotencyKey));
    }

    [TestMethod]
    public async Task Decide_JustAfterExpiryWithoutSweep_IsRefused()
    {
        var store = await Open(TimeSpan.FromHours(1));
        var a = await store.EnqueueAsync(Build.Request(), In(TimeSpan.FromMinutes(1)), ApprovalTimeoutBehavior.Expire);
        Clock.Advance(TimeSpan.FromMinutes(2));

        var r = await store.DecideAsync(a.IdempotencyKey, new ReviewerDecision(true, "alice"));

        Assert.IsFalse(r.Applied);
        Assert.AreEqual("expired", r.ErrorCode);
    }

    [TestMethod]
    public async Task Sweep_SilentAgent_OrphansItsPendingApprovals_AndTheyNeverExecute()
    {
        var store = await Open(TimeSpan.FromSeconds(30));
        var dead = await store.EnqueueAsync(Build.Request(runId: "dead-run"), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);
        var alive = await store.EnqueueAsync(Build.Request(runId: "live-run"), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);

        Clock.Advance(TimeSpan.FromSeconds(20));
        await store.HeartbeatAsync("live-run");
        Clock.Advance(TimeSpan.FromSeconds(20));
        var changed = await store.SweepAsync();

        Assert.AreEqual(1, changed);
        var orphan = (await store.FindAsync(dead.IdempotencyKey))!;
        Assert.AreEqual(ApprovalStatus.Orphaned, orphan.Status);
        StringAssert.Contains(orphan.Comment, "heartbeats");
        Assert.AreEqual(ApprovalStatus.Pending, (await store.FindAsync(alive.IdempotencyKey))!.Status);
        var decision = await store.DecideAsync(dead.IdempotencyKey, new ReviewerDecision(true, "alice"));
        Assert.AreEqual("orphaned", decision.ErrorCode);
        Assert.IsFalse(await store.TryClaimExecutionAsync(dead.IdempotencyKey));
    }

    [TestMethod]
    public async Task Open_AfterTheAgentDied_OrphansItsApprovalsOnStartup()
    {
        var store = await Open(TimeSpan.FromSeconds(30));
        var a = await store.EnqueueAsync(Build.Request(), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var restarted = await Open(TimeSpan.FromSeconds(30));

        Assert.AreEqual(ApprovalStatus.Orphaned, (await restarted.FindAsync(a.IdempotencyKey))!.Status);
    }

    [TestMethod]
    public async Task Abandon_MarksPendingOrphaned_AndIgnoresDecidedOnes()
    {
        var store = await Open();
        var a = await store.EnqueueAsync(Build.Request(step: 1), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);
        var b = await store.EnqueueAsync(Build.Request(step: 2), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);
        await store.DecideAsync(b.IdempotencyKey, new ReviewerDecision(true, "alice"));

        Assert.IsTrue(await store.AbandonAsync(a.IdempotencyKey, "cancelled"));
        Assert.IsFalse(await store.AbandonAsync(b.IdempotencyKey, "cancelled"));
        Assert.AreEqual(ApprovalStatus.Approved, (await store.FindAsync(b.IdempotencyKey))!.Status);
    }

    [TestMethod]
    public async Task List_FiltersByStatus_NewestFirst()
    {
        var store = await Open();
        for (var i = 1; i <= 3; i++)
        {
            await store.EnqueueAsync(Build.Request(step: i), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);
        }

        await store.DecideAsync("run-1:2", new ReviewerDecision(false, "bob") { Comment = "wrong amount" });

        var pending = await store.ListAsync(ApprovalStatus.Pending);
        CollectionAssert.AreEqual(new[] { 3, 1 }, pending.Select(p => p.Step).ToArray());
        Assert.AreEqual("wrong amount", (await store.ListAsync(ApprovalStatus.Rejected)).Single().Comment);
    }
    [TestMethod]
    public async Task TryClaimExecution_TwoProcessesRaceOnEachApprovedKey_ExactlyOneWinsEveryTime()
    {
        var agentA = await Open();
        var agentB = await Open();
        var keys = new List<string>();
        for (var step = 1; step <= 20; step++)
        {
            var a = await agentA.EnqueueAsync(Build.Request(step: step), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);
            await agentA.DecideAsync(a.IdempotencyKey, new ReviewerDecision(true, "alice"));
            keys.Add(a.IdempotencyKey);
        }

        foreach (var key in keys)
        {
            var both = await Task.WhenAll(Task.Run(() => agentA.TryClaimExecutionAsync(key)), Task.Run(() => agentB.TryClaimExecutionAsync(key)));
            Assert.AreEqual(1, both.Count(c => c), $"{key}: the approved action would run {both.Count(c => c)} times");
        }
    }

    [TestMethod]
    public async Task Enqueue_SameKeyFromTwoProcessesAtOnce_StoresOneRequest()
    {
        var agentA = await Open();
        var agentB = await Open();

        var both = await Task.WhenAll(
            Task.Run(() => agentA.EnqueueAsync(Build.Request(), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire)),
            Task.Run(() => agentB.EnqueueAsync(Build.Request(), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire)));

        Assert.AreEqual(both[0].Id, both[1].Id);
        Assert.AreEqual(1, (await agentB.ListAsync()).Count);
    }

    [TestMethod]
    public async Task Sweep_ApprovedButNeverClaimedBySilentAgent_IsOrphanedSayingWhoApprovedAndWhen()
    {
        var store = await Open(TimeSpan.FromSeconds(30));
        var a = await store.EnqueueAsync(Build.Request(runId: "dead-run"), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);
        await store.DecideAsync(a.IdempotencyKey, new ReviewerDecision(true, "alice"));
        Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.AreEqual(1, await store.SweepAsync());

        var orphan = (await store.FindAsync(a.IdempotencyKey))!;
        Assert.AreEqual(ApprovalStatus.Orphaned, orphan.Status);
        Assert.AreEqual("approved by alice at 2026-11-23 09:00:00Z but never executed: the agent stopped sending heartbeats before claiming it (it exited or crashed)", orphan.Comment);
        Assert.IsFalse(await store.TryClaimExecutionAsync(a.IdempotencyKey));
    }

    [TestMethod]
    public async Task Decide_ByThePersonWhoAskedForTheRun_IsRefusedAndTheRequestStaysPendingForAnotherReviewer()
    {
        var store = await Open();
        var a = await store.EnqueueAsync(Build.Request() with { RequestedBy = "olga" }, In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);

        // Whatever channel it comes through (dashboard, serve, CLI), the store decides; a change of case or spaces is the same name.
        var own = await store.DecideAsync(a.IdempotencyKey, new ReviewerDecision(true, "olga"));
        var disguised = await store.DecideAsync(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new ReviewerDecision(true, " Olga "));
        var stillPending = (await store.FindAsync(a.IdempotencyKey))!;
        var other = await store.DecideAsync(a.IdempotencyKey, new ReviewerDecision(true, "rita"));

        Assert.IsFalse(own.Applied);
        Assert.AreEqual("forbidden", own.ErrorCode);
        StringAssert.Contains(own.Message, "olga asked for run run-1: another reviewer must decide approval");
        Assert.IsFalse(disguised.Applied);
        Assert.AreEqual("forbidden", disguised.ErrorCode);
        Assert.AreEqual(ApprovalStatus.Pending, stillPending.Status, "a refused decision changes nothing");
        Assert.AreEqual("olga", stillPending.RequestedBy);
        Assert.IsTrue(other.Applied, "another reviewer decides it");
        Assert.AreEqual("rita", other.Approval!.Reviewer);
    }

    [TestMethod]
    public async Task Decide_ByTheRequesterWhenThePolicyAllowsIt_OrWithNoRequesterNamed_IsApplied()
    {
        var store = await Open();
        var allowed = await store.EnqueueAsync(Build.Request(runId: "allowed") with { RequestedBy = "olga", RequesterMayApprove = true }, In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);
        var unnamed = await store.EnqueueAsync(Build.Request(runId: "local"), In(TimeSpan.FromMinutes(10)), ApprovalTimeoutBehavior.Expire);

        Assert.IsTrue((await store.DecideAsync(allowed.IdempotencyKey, new ReviewerDecision(true, "olga"))).Applied);
        Assert.IsTrue((await store.DecideAsync(unnamed.IdempotencyKey, new ReviewerDecision(true, "olga"))).Applied);
        Assert.IsTrue((await store.FindAsync(allowed.IdempotencyKey))!.RequesterMayApprove);
        Assert.IsNull((await store.FindAsync(unnamed.IdempotencyKey))!.RequestedBy);
    }
}
