using ActionAgent.Approvals.Reviewers;
using ActionAgent.Approvals.Store;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Tests.Reviewers;

[TestClass]
public sealed class StoreApproverTests
{
    private TempDir _dir = null!;
    private ManualTimeProvider _clock = null!;
    private SqliteApprovalStore _store = null!;

    [TestInitialize]
    public async Task Init()
    {
        _dir = new TempDir();
        _clock = new ManualTimeProvider();
        _store = await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = _dir.File("a.db") }, _clock);
    }

    [TestCleanup]
    public void Cleanup() => _dir.Dispose();

    private StoreApprover Approver(TimeSpan? timeout = null) =>
        new(_store, new StoreApproverOptions { Timeout = timeout ?? TimeSpan.FromMinutes(10), PollInterval = TimeSpan.FromSeconds(1) }, _clock);

    private async Task<StoredApproval> PendingAsync(string key)
    {
        StoredApproval? a = null;
        await Eventually.TrueAsync(async () => (a = await _store.FindAsync(key)) is not null && _clock.TimerCount > 0, "the request to be stored and the approver to wait");
        return a!;
    }

    [TestMethod]
    public async Task RequestAsync_ReviewerApproves_ReturnsApprovedAndClaimsExecution()
    {
        var request = Build.Request();
        var waiting = Approver().RequestAsync(request);
        await PendingAsync(request.IdempotencyKey);

        await _store.DecideAsync(request.IdempotencyKey, new ReviewerDecision(true, "alice") { Comment = "amount checked" });
        _clock.Advance(TimeSpan.FromSeconds(1));
        var decision = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsTrue(decision.IsApproved);
        Assert.AreEqual("alice", decision.Reviewer);
        Assert.AreEqual("amount checked", decision.Reason);
        Assert.IsNotNull((await _store.FindAsync(request.IdempotencyKey))!.ExecutedAt, "the approver claims the execution before returning");
        Assert.IsFalse(await _store.TryClaimExecutionAsync(request.IdempotencyKey), "nobody can claim it a second time");
    }

    [TestMethod]
    public async Task RequestAsync_ReviewerEditsValue_ReturnsTheEditedValue()
    {
        var request = Build.Request(action: new TypeTextAction(ActionTarget.Element(7), "420.00"));
        var waiting = Approver().RequestAsync(request);
        await PendingAsync(request.IdempotencyKey);

        await _store.DecideAsync(request.IdempotencyKey, new ReviewerDecision(true, "alice") { EditedValue = "42.00" });
        _clock.Advance(TimeSpan.FromSeconds(1));
        var decision = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.AreEqual("42.00", decision.EditedValue);
    }

    [TestMethod]
    public async Task RequestAsync_ReviewerRejects_ReturnsTheReason()
    {
        var request = Build.Request();
        var waiting = Approver().RequestAsync(request);
        await PendingAsync(request.IdempotencyKey);

        await _store.DecideAsync(request.IdempotencyKey, new ReviewerDecision(false, "bob") { Comment = "wrong customer" });
        _clock.Advance(TimeSpan.FromSeconds(1));
        var decision = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsFalse(decision.IsApproved);
        Assert.IsFalse(decision.Expired);
        Assert.AreEqual("bob", decision.Reviewer);
        Assert.AreEqual("wrong customer", decision.Reason);
    }

    [TestMethod]
    public async Task RequestAsync_NobodyDecides_ExpiresAfterTheTimeout()
    {
        var request = Build.Request();
        var waiting = Approver(TimeSpan.FromMinutes(2)).RequestAsync(request);
        await PendingAsync(request.IdempotencyKey);

        // The agent keeps beating while it waits, so only the timeout can end this.
        for (var i = 0; i < 121 && !waiting.IsCompleted; i++)
        {
            await Eventually.TrueAsync(() => _clock.TimerCount > 0 || waiting.IsCompleted, "the next poll");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var decision = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsFalse(decision.IsApproved);
        Assert.IsTrue(decision.Expired);
        Assert.AreEqual(ApprovalStatus.Expired, (await _store.FindAsync(request.IdempotencyKey))!.Status);
    }

    [TestMethod]
    public async Task RequestAsync_Cancelled_OrphansTheRequestSoALateApprovalNeverRuns()
    {
        var request = Build.Request();
        using var cts = new CancellationTokenSource();
        var waiting = Approver().RequestAsync(request, cts.Token);
        await PendingAsync(request.IdempotencyKey);

        await cts.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => waiting);
        Assert.AreEqual(ApprovalStatus.Orphaned, (await _store.FindAsync(request.IdempotencyKey))!.Status);
        Assert.AreEqual("orphaned", (await _store.DecideAsync(request.IdempotencyKey, new ReviewerDecision(true, "alice"))).ErrorCode);
    }

    [TestMethod]
    public async Task RequestAsync_AlreadyExecutedApproval_IsNotReturnedAsApprovedAgain()
    {
        var request = Build.Request();
        await _store.EnqueueAsync(request, _clock.GetUtcNow() + TimeSpan.FromMinutes(10), ApprovalTimeoutBehavior.Expire);
        await _store.DecideAsync(request.IdempotencyKey, new ReviewerDecision(true, "alice"));
        Assert.IsTrue(await _store.TryClaimExecutionAsync(request.IdempotencyKey));

        var decision = await Approver().RequestAsync(request).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsFalse(decision.IsApproved);
        StringAssert.Contains(decision.Reason, "already executed");
    }

    [TestMethod]
    public async Task RequestAsync_RaisesPendingWithTheStoredRequest()
    {
        var approver = Approver();
        StoredApproval? seen = null;
        approver.Pending += a => seen = a;
        var request = Build.Request();
        var waiting = approver.RequestAsync(request);
        await PendingAsync(request.IdempotencyKey);

        Assert.IsNotNull(seen);
        Assert.AreEqual(request.IdempotencyKey, seen.IdempotencyKey);
        await _store.DecideAsync(request.IdempotencyKey, new ReviewerDecision(false, "bob") { Comment = "stop" });
        _clock.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
