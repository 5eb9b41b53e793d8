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
    public async Task RequestAsync_ApprovedSaveDraftOfAKilledRun_DoesNotReleaseADeleteAtTheSameRunAndStep()
    {
        // The attack of issue 12: run X asks for "Save draft" at step 1, is killed, a reviewer approves it, and a new run
        // reusing the id X proposes "Delete item 2" at step 1 on another page (same element id 7).
        var saveDraft = Build.Request(runId: "X", step: 1, label: "Save draft") with { Url = "http://127.0.0.1:5000/drafts/7" };
        var saved = await _store.EnqueueAsync(saveDraft, _clock.GetUtcNow() + TimeSpan.FromMinutes(10), ApprovalTimeoutBehavior.Expire);
        await _store.DecideAsync(saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new ReviewerDecision(true, "alice") { Comment = "ok to save the draft" });
        var delete = Build.Request(runId: "X", step: 1, label: "Delete item 2") with { Url = "http://127.0.0.1:5000/items" };

        var waiting = Approver().RequestAsync(delete);
        await Eventually.TrueAsync(() => waiting.IsCompleted || _clock.TimerCount > 0, "the approver to answer or wait");

        Assert.IsFalse(waiting.IsCompleted, "the delete was released by the approval of \"Save draft\"");
        var pending = (await _store.ListAsync(ApprovalStatus.Pending)).Single();
        Assert.AreEqual("Delete item 2", pending.TargetLabel, "the delete waits for its own decision");
        Assert.AreEqual(ApprovalStatus.Orphaned, (await _store.ListAsync(ApprovalStatus.Orphaned)).Single(a => a.Id == saved.Id).Status);
        await _store.DecideAsync(pending.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new ReviewerDecision(false, "alice") { Comment = "not this" });
        _clock.Advance(TimeSpan.FromSeconds(1));
        var decision = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.IsFalse(decision.IsApproved);
        Assert.AreEqual("not this", decision.Reason);
    }

    [TestMethod]
    public async Task RequestAsync_ApprovedActionOfAKilledRun_IsReleasedOnlyForTheSameActionAndOnlyOnce()
    {
        var request = Build.Request(runId: "X", step: 1, label: "Save draft");
        var stored = await _store.EnqueueAsync(request, _clock.GetUtcNow() + TimeSpan.FromMinutes(10), ApprovalTimeoutBehavior.Expire);
        await _store.DecideAsync(stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new ReviewerDecision(true, "alice"));

        var first = await Approver().RequestAsync(request with { }).WaitAsync(TimeSpan.FromSeconds(10));
        var second = await Approver().RequestAsync(request with { }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsTrue(first.IsApproved, "the very action that was approved is released");
        Assert.IsFalse(second.IsApproved, "but only once");
    }

    [TestMethod]
    public async Task RequestAsync_ApprovedRowWithTheSameKeyButAnotherFingerprint_IsNotApplied()
    {
        // A row written by other code (or a 64-bit key collision): the key matches, the full fingerprint does not.
        var request = Build.Request();
        var stored = await _store.EnqueueAsync(request, _clock.GetUtcNow() + TimeSpan.FromMinutes(10), ApprovalTimeoutBehavior.Expire);
        await _store.DecideAsync(stored.IdempotencyKey, new ReviewerDecision(true, "alice"));
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_dir.File("a.db")};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"UPDATE approvals SET fingerprint = '{new string('f', 64)}' WHERE id = {stored.Id}";
            cmd.ExecuteNonQuery();
        }

        var decision = await Approver().RequestAsync(request).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsFalse(decision.IsApproved);
        StringAssert.Contains(decision.Reason, "granted for a different action");
        Assert.IsNull((await _store.FindAsync(stored.IdempotencyKey))!.ExecutedAt, "nothing was claimed");
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
