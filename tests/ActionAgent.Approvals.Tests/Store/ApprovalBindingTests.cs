using System.Globalization;
using ActionAgent.Approvals.Store;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Policy;
using Microsoft.Data.Sqlite;

namespace ActionAgent.Approvals.Tests.Store;

/// <summary>An approval releases exactly the action it was requested for, and an approval whose run died never runs later.</summary>
[TestClass]
public sealed class ApprovalBindingTests
{
    private TempDir _dir = null!;
    private ManualTimeProvider _clock = null!;

    [TestInitialize]
    public void Init()
    {
        _dir = new TempDir();
        _clock = new ManualTimeProvider();
    }

    [TestCleanup]
    public void Cleanup() => _dir.Dispose();

    private string Db => _dir.File("approvals.db");

    private Task<SqliteApprovalStore> Open() =>
        SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = Db, OrphanAfter = TimeSpan.FromSeconds(30) }, _clock);

    private DateTimeOffset InTenMinutes => _clock.GetUtcNow() + TimeSpan.FromMinutes(10);

    private static string Id(StoredApproval a) => a.Id.ToString(CultureInfo.InvariantCulture);

    private static ApprovalRequest SaveDraft(string runId = "X") =>
        Build.Request(runId: runId, step: 1, label: "Save draft") with { Url = "http://127.0.0.1:5000/drafts/7" };

    private static ApprovalRequest DeleteItem(string runId = "X") =>
        Build.Request(runId: runId, step: 1, label: "Delete item 2") with { Url = "http://127.0.0.1:5000/items" };

    [TestMethod]
    public async Task Enqueue_DifferentActionAtTheSameRunAndStep_OrphansTheOldRequestAndCreatesANewOne()
    {
        var store = await Open();
        var saved = await store.EnqueueAsync(SaveDraft(), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        await store.DecideAsync(Id(saved), new ReviewerDecision(true, "alice") { Comment = "ok to save the draft" });

        var delete = await store.EnqueueAsync(DeleteItem(), InTenMinutes, ApprovalTimeoutBehavior.Expire);

        Assert.AreNotEqual(saved.Id, delete.Id, "the delete got the save-draft approval");
        Assert.AreEqual(ApprovalStatus.Pending, delete.Status);
        Assert.AreEqual("Delete item 2", delete.TargetLabel);
        var old = (await store.FindAsync(Id(saved)))!;
        Assert.AreEqual(ApprovalStatus.Orphaned, old.Status);
        StringAssert.Contains(old.Comment, $"superseded by approval {delete.Id}");
        Assert.IsFalse(await store.TryClaimExecutionAsync(saved.IdempotencyKey), "the superseded approval can never be claimed");
        Assert.IsFalse(await store.TryClaimExecutionAsync(delete.IdempotencyKey), "the delete is not approved");
        Assert.AreEqual(2, (await store.ListAsync()).Count(a => a.RunId == "X" && a.Step == 1), "both stay visible in approvals list");
    }

    [TestMethod]
    public async Task Enqueue_DifferentActionWhilePending_OrphansThePendingOneSoALateApprovalCannotReleaseIt()
    {
        var store = await Open();
        var saved = await store.EnqueueAsync(SaveDraft(), InTenMinutes, ApprovalTimeoutBehavior.Expire);

        var delete = await store.EnqueueAsync(DeleteItem(), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        var late = await store.DecideAsync(Id(saved), new ReviewerDecision(true, "alice") { Comment = "ok to save the draft" });

        Assert.IsFalse(late.Applied);
        Assert.AreEqual("orphaned", late.ErrorCode);
        Assert.AreEqual(ApprovalStatus.Pending, (await store.FindAsync(Id(delete)))!.Status);
    }

    [TestMethod]
    public async Task Enqueue_AlreadyExecutedActionAtTheSameStep_KeepsItsRecord()
    {
        var store = await Open();
        var saved = await store.EnqueueAsync(SaveDraft(), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        await store.DecideAsync(Id(saved), new ReviewerDecision(true, "alice"));
        Assert.IsTrue(await store.TryClaimExecutionAsync(saved.IdempotencyKey));

        await store.EnqueueAsync(DeleteItem(), InTenMinutes, ApprovalTimeoutBehavior.Expire);

        var old = (await store.FindAsync(Id(saved)))!;
        Assert.AreEqual(ApprovalStatus.Approved, old.Status, "what was executed stays on record as approved");
        Assert.IsNotNull(old.ExecutedAt);
    }

    [TestMethod]
    public async Task Sweep_ApprovedButNeverClaimed_IsOrphanedAfterTheOrphanTime()
    {
        var store = await Open();
        var a = await store.EnqueueAsync(SaveDraft(), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        await store.DecideAsync(Id(a), new ReviewerDecision(true, "alice") { Comment = "ok to save the draft" });

        _clock.Advance(TimeSpan.FromSeconds(31));
        await store.SweepAsync();

        var after = (await store.FindAsync(Id(a)))!;
        Assert.AreEqual(ApprovalStatus.Orphaned, after.Status);
        StringAssert.Contains(after.Comment, "approved by alice");
        StringAssert.Contains(after.Comment, "never executed");
        Assert.IsFalse(await store.TryClaimExecutionAsync(a.IdempotencyKey));
        Assert.AreEqual(1, (await store.ListAsync(ApprovalStatus.Orphaned)).Count, "approvals list shows it as orphaned");
    }

    [TestMethod]
    public async Task Sweep_ApprovedWhileItsAgentStillBeats_StaysClaimable()
    {
        var store = await Open();
        var a = await store.EnqueueAsync(SaveDraft(), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        await store.DecideAsync(Id(a), new ReviewerDecision(true, "alice"));

        _clock.Advance(TimeSpan.FromSeconds(20));
        await store.HeartbeatAsync("X");
        _clock.Advance(TimeSpan.FromSeconds(20));
        await store.SweepAsync();

        Assert.AreEqual(ApprovalStatus.Approved, (await store.FindAsync(Id(a)))!.Status);
        Assert.IsTrue(await store.TryClaimExecutionAsync(a.IdempotencyKey));
    }

    [TestMethod]
    public async Task Sweep_ClaimedApprovalOfADeadRun_StaysApprovedAndExecuted()
    {
        var store = await Open();
        var a = await store.EnqueueAsync(SaveDraft(), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        await store.DecideAsync(Id(a), new ReviewerDecision(true, "alice"));
        Assert.IsTrue(await store.TryClaimExecutionAsync(a.IdempotencyKey));

        _clock.Advance(TimeSpan.FromMinutes(5));
        await store.SweepAsync();

        var after = (await store.FindAsync(Id(a)))!;
        Assert.AreEqual(ApprovalStatus.Approved, after.Status);
        Assert.IsNotNull(after.ExecutedAt);
    }

    [TestMethod]
    public async Task Open_Version1Database_KeepsItsRowsAndOrphansApprovalsNotBoundToAnAction()
    {
        CreateVersion1Database(Db, _clock.GetUtcNow());

        var store = await Open();

        var pending = (await store.FindAsync("1"))!;
        var approved = (await store.FindAsync("2"))!;
        var executed = (await store.FindAsync("3"))!;
        Assert.AreEqual(ApprovalStatus.Orphaned, pending.Status);
        Assert.AreEqual(ApprovalStatus.Orphaned, approved.Status, "a v1 approval is keyed run:step only; it must not release any action");
        StringAssert.Contains(approved.Comment, "not bound to an action");
        Assert.AreEqual(ApprovalStatus.Approved, executed.Status);
        Assert.AreEqual("click #7 \"Save draft\"", executed.ActionSummary);
        Assert.IsFalse(await store.TryClaimExecutionAsync("old:2"));
        var fresh = await store.EnqueueAsync(SaveDraft("old"), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        Assert.AreEqual(ApprovalStatus.Pending, fresh.Status, "the migrated store takes new requests");
        Assert.AreEqual(4L, SchemaVersion(Db));
    }

    [TestMethod]
    public async Task Open_Version2Database_KeepsItsRowsAndStoresFormValuesFromThenOn()
    {
        CreateVersion1Database(Db, _clock.GetUtcNow());
        Execute(Db, """
            ALTER TABLE approvals ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
            CREATE INDEX ix_approvals_run_step ON approvals(run_id, step);
            UPDATE approvals SET idempotency_key = idempotency_key || ':abcdef0123456789', fingerprint = 'f' WHERE id = 1;
            PRAGMA user_version = 2;
            """);

        var store = await Open();

        var old = (await store.FindAsync("1"))!;
        Assert.AreEqual(ApprovalStatus.Pending, old.Status, "a version-2 row is bound to its action: the upgrade to 3 keeps it pending");
        Assert.AreEqual(0, old.FormFields.Count);
        Assert.AreEqual(4L, SchemaVersion(Db));
        var fresh = await store.EnqueueAsync(SaveDraft("old") with
        {
            FormFields = [new FormFieldValue("Amount", "text", "42.00"), new FormFieldValue("Password", "password", "hunter2") { Masked = true }],
        }, InTenMinutes, ApprovalTimeoutBehavior.Expire);
        var stored = (await store.FindAsync(Id(fresh)))!.FormFields;
        Assert.AreEqual("Amount=42.00, Password=••••••", string.Join(", ", stored.Select(f => $"{f.Label}={f.Value}")));
        Assert.IsTrue(stored[1].Masked);
        Assert.IsFalse(File.ReadAllBytes(Db).AsSpan().IndexOf("hunter2"u8) >= 0 || File.Exists(Db + "-wal") && File.ReadAllBytes(Db + "-wal").AsSpan().IndexOf("hunter2"u8) >= 0,
            "a masked value never reaches the file");
    }

    [TestMethod]
    public async Task Open_DatabaseWithANewerSchema_IsRefusedWithAClearLine()
    {
        await (await Open()).EnqueueAsync(SaveDraft(), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        Execute(Db, "PRAGMA user_version = 9;");

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Open());

        StringAssert.Contains(e.Message, "schema version 9");
        StringAssert.Contains(e.Message, "understands (4)");
        StringAssert.Contains(e.Message, "newer");
        StringAssert.Contains(e.Message, "--approvals-db");
        Assert.AreEqual(9L, SchemaVersion(Db), "the newer database is left as it was");
    }

    [TestMethod]
    public async Task CheckRunIdUnused_RunIdOfAnEarlierRun_IsRefusedWithTheCount()
    {
        var store = await Open();
        await store.EnqueueAsync(SaveDraft("X"), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        await store.EnqueueAsync(SaveDraft("X/net") with { Step = 4 }, InTenMinutes, ApprovalTimeoutBehavior.Expire);

        Assert.AreEqual(2, await store.CountRunApprovalsAsync("X"), "the network guard's holds count for the run");
        Assert.AreEqual("run id X is already used by an earlier run (2 approvals); choose another --run-id or omit it", await store.CheckRunIdUnusedAsync("X"));
        Assert.IsNull(await store.CheckRunIdUnusedAsync("Y"));
        Assert.IsNull(await store.CheckRunIdUnusedAsync("X/"), "only the exact id and its /net holds count");
    }

    [TestMethod]
    public async Task Decide_RunStepThatNamesTwoActions_IsRefusedAsAmbiguous()
    {
        var store = await Open();
        await store.EnqueueAsync(SaveDraft(), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        var delete = await store.EnqueueAsync(DeleteItem(), InTenMinutes, ApprovalTimeoutBehavior.Expire);

        var byRunStep = await store.DecideAsync("X:1", new ReviewerDecision(true, "alice"));
        var byKey = await store.DecideAsync(delete.IdempotencyKey, new ReviewerDecision(false, "alice") { Comment = "no" });

        Assert.AreEqual("ambiguous", byRunStep.ErrorCode);
        StringAssert.Contains(byRunStep.Message, "names 2 approvals");
        Assert.IsTrue(byKey.Applied);
        Assert.AreEqual(delete.Id, (await store.FindAsync("X:1"))!.Id, "run:step shows the newest request");
    }

    [TestMethod]
    public async Task ApprovalsList_ShowsTheSupersededApprovalAsOrphanedNextToTheNewRequest()
    {
        var store = await Open();
        var saved = await store.EnqueueAsync(SaveDraft(), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        await store.DecideAsync(Id(saved), new ReviewerDecision(true, "alice") { Comment = "ok to save the draft" });
        var delete = await store.EnqueueAsync(DeleteItem(), InTenMinutes, ApprovalTimeoutBehavior.Expire);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var commands = new global::ActionAgent.Approvals.Commands.ApprovalsCommands(store, stdout, stderr, time: _clock);

        Assert.AreEqual(0, await commands.ListAsync("all"));
        Assert.AreEqual(0, await commands.ShowAsync(Id(saved)));

        var lines = stdout.ToString().Split('\n');
        StringAssert.Contains(lines.Single(l => l.TrimStart().StartsWith($"{saved.Id}  ", StringComparison.Ordinal)), "orphaned  submit");
        StringAssert.Contains(lines.Single(l => l.TrimStart().StartsWith($"{delete.Id}  ", StringComparison.Ordinal)), "pending   submit");
        StringAssert.Contains(stdout.ToString(), "RUN:STEP");
        StringAssert.Contains(stdout.ToString(), $"superseded by approval {delete.Id}");
        StringAssert.Contains(stdout.ToString(), $"binds    fingerprint {SaveDraft().Fingerprint.Value}");
    }

    private static long SchemaVersion(string path)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "PRAGMA user_version;";
        return (long)cmd.ExecuteScalar()!;
    }

    private static void Execute(string path, string sql)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>A database as the version-1 store wrote it: keys are run:step, no fingerprint.</summary>
    private static void CreateVersion1Database(string path, DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        var expires = ms + 600_000;
        Execute(path, FormattableString.Invariant($"""
            PRAGMA journal_mode = WAL;
            CREATE TABLE approvals(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT NOT NULL UNIQUE,
                run_id TEXT NOT NULL,
                step INTEGER NOT NULL,
                task TEXT NOT NULL DEFAULT '',
                url TEXT NOT NULL DEFAULT '',
                action_json TEXT NOT NULL,
                action_summary TEXT NOT NULL,
                action_kind TEXT NOT NULL,
                action_value TEXT,
                proposal_reason TEXT NOT NULL DEFAULT '',
                target_label TEXT NOT NULL DEFAULT '',
                risk TEXT NOT NULL,
                rule TEXT NOT NULL,
                reason TEXT NOT NULL,
                screenshot BLOB,
                target_x REAL, target_y REAL, target_w REAL, target_h REAL,
                shot_w INTEGER NOT NULL DEFAULT 0,
                shot_h INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                on_timeout TEXT NOT NULL DEFAULT 'Expire',
                status TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending','approved','rejected','expired','orphaned')),
                reviewer TEXT,
                comment TEXT,
                edited_value TEXT,
                decided_at INTEGER,
                executed_at INTEGER,
                CHECK (executed_at IS NULL OR status = 'approved'));
            CREATE INDEX ix_approvals_status ON approvals(status, id);
            CREATE TABLE heartbeats(run_id TEXT PRIMARY KEY, last_seen INTEGER NOT NULL);
            INSERT INTO heartbeats VALUES('old', {ms});
            INSERT INTO approvals(idempotency_key, run_id, step, action_json, action_summary, action_kind, risk, rule, reason, created_at, expires_at, status)
                VALUES('old:1', 'old', 1, '[]', 'click #7 "Save draft"', 'click', 'Submit', 'actions.submit', 'submits', {ms}, {expires}, 'pending');
            INSERT INTO approvals(idempotency_key, run_id, step, action_json, action_summary, action_kind, risk, rule, reason, created_at, expires_at, status, reviewer, decided_at)
                VALUES('old:2', 'old', 2, '[]', 'click #7 "Save draft"', 'click', 'Submit', 'actions.submit', 'submits', {ms}, {expires}, 'approved', 'alice', {ms});
            INSERT INTO approvals(idempotency_key, run_id, step, action_json, action_summary, action_kind, risk, rule, reason, created_at, expires_at, status, reviewer, decided_at, executed_at)
                VALUES('old:3', 'old', 3, '[]', 'click #7 "Save draft"', 'click', 'Submit', 'actions.submit', 'submits', {ms}, {expires}, 'approved', 'alice', {ms}, {ms});
            PRAGMA user_version = 1;
            """));
    }
}
