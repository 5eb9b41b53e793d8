using ActionAgent.Approvals.Store;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Policy;
using ActionAgent.Serve.Queue;
using ActionAgent.Serve.Store;
using ActionAgent.Serve.Tasks;
using ActionAgent.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Serve.Tests;

/// <summary>
/// The dead-worker rules of <see cref="TaskJob"/> on a real SQLite store and approval queue: a dead worker's task is retried
/// with a new run id, unless its run reached an approval (then it fails: an approved step never runs twice); an ended task
/// is never run again, however often the queue hands its job out.
/// </summary>
[TestClass]
public sealed class TaskJobTests
{
    private string _dir = "";

    [TestInitialize]
    public void Init() => _dir = CliProcess.NewWorkDir("aa-taskjob-");

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public async Task RunAsync_DeadWorkerWhoseRunReachedAnApproval_TaskFailsAndIsNotRunAgain()
    {
        var (store, approvals, clock, runner, job) = await CreateAsync();
        await StartedByDeadWorkerAsync(store, clock);
        await approvals.EnqueueAsync(HeldRefund("t1-a1"), clock.GetUtcNow().AddMinutes(10), ApprovalTimeoutBehavior.Expire);
        clock.Advance(TimeSpan.FromMinutes(1));

        await job.RunAsync("t1", CancellationToken.None);

        var task = await store.GetAsync("t1");
        Assert.AreEqual(ServeTaskStatus.Failed, task!.Status);
        StringAssert.Contains(task.Message, "after it reached an approval; not retried");
        Assert.AreEqual(0, runner.Runs.Count, "nothing ran again");
    }

    [TestMethod]
    public async Task RunAsync_DeadWorkerBeforeAnyApproval_RetriedOnceWithANewRunId()
    {
        var (store, _, clock, runner, job) = await CreateAsync();
        await StartedByDeadWorkerAsync(store, clock);
        clock.Advance(TimeSpan.FromMinutes(1));

        await job.RunAsync("t1", CancellationToken.None);
        await job.RunAsync("t1", CancellationToken.None); // the queue hands the job out again: the ended task stays ended

        var task = await store.GetAsync("t1");
        Assert.AreEqual(ServeTaskStatus.Completed, task!.Status);
        Assert.AreEqual(2, task.Attempt);
        CollectionAssert.AreEqual(new[] { "t1-a2" }, runner.Runs);
    }

    [TestMethod]
    public async Task RunAsync_DeadWorkerOnLastAttempt_TaskFailsWithNoAttemptsLeft()
    {
        var (store, _, clock, runner, job) = await CreateAsync(maxAttempts: 1);
        await StartedByDeadWorkerAsync(store, clock);
        clock.Advance(TimeSpan.FromMinutes(1));

        await job.RunAsync("t1", CancellationToken.None);

        var task = await store.GetAsync("t1");
        Assert.AreEqual(ServeTaskStatus.Failed, task!.Status);
        StringAssert.Contains(task.Message, "no attempts left");
        Assert.AreEqual(0, runner.Runs.Count);
    }

    private async Task<(TaskStore, SqliteApprovalStore, ManualClock, CountingRunner, TaskJob)> CreateAsync(int maxAttempts = 2)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var store = await TaskStore.OpenAsync(StoreLocation.Parse("sqlite:" + Path.Combine(_dir, "serve.db"), _dir), clock);
        var approvals = await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = Path.Combine(_dir, "approvals.db") }, clock);
        var runner = new CountingRunner();
        var options = new WorkerOptions { Name = "w2", DeadAfter = TimeSpan.FromSeconds(20), MaxAttempts = maxAttempts };
        return (store, approvals, clock, runner, new TaskJob(store, runner, approvals, options, clock, NullLogger<TaskJob>.Instance));
    }

    // A task that worker w1 started (attempt 1, run t1-a1) and then stopped sending heartbeats for.
    private static async Task StartedByDeadWorkerAsync(TaskStore store, ManualClock clock)
    {
        await store.AddAsync(new ServeTask
        {
            Id = "t1",
            Submission = new TaskSubmission { Task = "Open Order 1042", Url = "http://127.0.0.1:1/" },
            PolicyPath = "policies/default.yaml",
            Owner = "olga",
            CreatedAt = clock.GetUtcNow(),
        });
        Assert.IsTrue(await store.TryStartAsync("t1", 0, "w1", "t1-a1"));
    }

    private static ApprovalRequest HeldRefund(string runId) =>
        new(runId, 13, new ProposedAction(new ClickAction(ActionTarget.Element(7, "the Submit refund button")), "the task says to submit the refund"),
            new Verdict(VerdictKind.RequireApproval, RiskClass.Submit, "actions.submit", "\"Submit refund\" submits a form"))
        {
            Task = "Refund order 1042",
            Url = "http://127.0.0.1:5000/refund",
        };

    private sealed class CountingRunner : ITaskRunner
    {
        public List<string> Runs { get; } = [];

        public Task<TaskOutcome> RunAsync(ServeTask task, string runId, CancellationToken cancellationToken = default)
        {
            Runs.Add(runId);
            return Task.FromResult(new TaskOutcome(ServeTaskStatus.Completed, 0, "done", 1));
        }
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
