using System.Globalization;
using System.Net;
using System.Text.Json;
using ActionAgent.Approvals.Store;
using ActionAgent.Core.Approval;
using ActionAgent.SampleApp;
using ActionAgent.Serve.Store;
using ActionAgent.TestKit;
using Microsoft.Data.Sqlite;

namespace ActionAgent.Serve.Tests;

/// <summary>
/// <c>actionagent serve</c> and <c>actionagent worker</c> as real processes: bad input refused before anything is queued,
/// tasks on the sample app ending exactly once, approved refunds filed exactly once, on the embedded SQLite default with
/// one worker and on a real PostgreSQL (fixture cluster) with two serve instances and three workers, one killed -9.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ServeTests
{
    private const string OpenOrder = "Sign in with username ops and password ops-pass. Open Order 1042.";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private string _dir = "";

    [TestInitialize]
    public void Init() => _dir = CliProcess.NewWorkDir("aa-serve-");

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    private string SqliteStore => "sqlite:" + Path.Combine(_dir, "serve.db");

    [TestMethod]
    public async Task Submit_UnknownPolicyOrSecretOrWrongToken_RefusedWithOneLineAndNothingQueued()
    {
        await using var cluster = new ServeCluster(_dir, SqliteStore);
        var serve = await cluster.StartServeAsync(workers: 0);

        var (policy, policyBody) = await cluster.SendAsync(HttpMethod.Post, serve, "api/tasks", ServeCluster.Operator, new { task = OpenOrder, url = "http://127.0.0.1:1/login", policy = "no-such-policy" });
        var (secret, secretBody) = await cluster.SendAsync(HttpMethod.Post, serve, "api/tasks", ServeCluster.Operator, new { task = OpenOrder, url = "http://127.0.0.1:1/login", secrets = new[] { "NOPE" } });
        var (token, _) = await cluster.SendAsync(HttpMethod.Post, serve, "api/tasks", "wrong-token-0123456789", new { task = OpenOrder, url = "http://127.0.0.1:1/login" });
        var (reviewer, _) = await cluster.SendAsync(HttpMethod.Post, serve, "api/tasks", ServeCluster.Reviewers[0], new { task = OpenOrder, url = "http://127.0.0.1:1/login" });

        Assert.AreEqual(HttpStatusCode.BadRequest, policy);
        StringAssert.Contains(policyBody.GetProperty("message").GetString(), "unknown policy \"no-such-policy\"; known policies: default");
        Assert.AreEqual(HttpStatusCode.BadRequest, secret);
        StringAssert.Contains(secretBody.GetProperty("message").GetString(), "unknown secret \"NOPE\"");
        Assert.AreEqual(HttpStatusCode.Unauthorized, token);
        Assert.AreEqual(HttpStatusCode.Forbidden, reviewer, "a reviewer does not submit tasks");
        Assert.AreEqual(0, (await cluster.TasksAsync(serve)).Count, "nothing was queued");
    }

    [TestMethod]
    public async Task Cancel_QueuedTask_OnlyItsOperatorOrAnAdmin_EndsCancelledOnce()
    {
        await using var cluster = new ServeCluster(_dir, SqliteStore);
        var serve = await cluster.StartServeAsync(workers: 0); // no worker: the task stays queued
        var id = await cluster.SubmitAsync(serve, OpenOrder, "http://127.0.0.1:1/login");

        var other = await cluster.SendAsync(HttpMethod.Post, serve, $"api/tasks/{id}/cancel", ServeCluster.Operator2);
        var reviewer = await cluster.SendAsync(HttpMethod.Post, serve, $"api/tasks/{id}/cancel", ServeCluster.Reviewers[0]);
        var own = await cluster.SendAsync(HttpMethod.Post, serve, $"api/tasks/{id}/cancel", ServeCluster.Operator);
        var again = await cluster.SendAsync(HttpMethod.Post, serve, $"api/tasks/{id}/cancel", ServeCluster.Reviewers[2]);

        Assert.AreEqual(HttpStatusCode.Forbidden, other.Status, "another operator's task");
        Assert.AreEqual(HttpStatusCode.Forbidden, reviewer.Status, "reviewers do not cancel");
        Assert.AreEqual(HttpStatusCode.Accepted, own.Status, own.Body.ToString());
        Assert.AreEqual(HttpStatusCode.Conflict, again.Status, "it already ended");
        var task = (await cluster.TasksAsync(serve)).Single();
        Assert.AreEqual("cancelled", task.GetProperty("status").GetString());
        Assert.AreEqual(130, task.GetProperty("exitCode").GetInt32());
        Assert.AreEqual(0, task.GetProperty("attempt").GetInt32(), "it never started");
    }

    [TestMethod]
    public async Task Cancel_RunningTaskHeldAtAnApproval_ChildStoppedEndsCancelledOnceRecordingClosedNothingFiled()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var cluster = new ServeCluster(_dir, SqliteStore);
        var serve = await cluster.StartServeAsync(workers: 1);
        var id = await cluster.SubmitAsync(serve, ActionAgent.Cli.Commands.DemoCommand.Task, app.BaseUrl + "/login");
        var held = (await WaitForPendingAsync(cluster, serve, 1)).Single();
        var runId = (await cluster.SendAsync(HttpMethod.Get, serve, $"api/tasks/{id}", ServeCluster.Operator)).Body.GetProperty("task").GetProperty("runId").GetString()!;
        Assert.IsTrue(RunProcesses(runId).Count > 0, "the run's child process is running while its step is held");

        var cancel = await cluster.SendAsync(HttpMethod.Post, serve, $"api/tasks/{id}/cancel", ServeCluster.Operator);

        Assert.AreEqual(HttpStatusCode.Accepted, cancel.Status, cancel.Body.ToString());
        var task = (await WaitForAllEndedAsync(cluster, serve, 1, TimeSpan.FromMinutes(2))).Single();
        Assert.AreEqual("cancelled", task.GetProperty("status").GetString(), task + cluster.Output());
        Assert.AreEqual(130, task.GetProperty("exitCode").GetInt32());
        Assert.AreEqual(1, task.GetProperty("attempt").GetInt32(), "cancelled, not retried");
        Assert.AreEqual(0, RunProcesses(runId).Count, "the child is stopped");

        // The recording was closed by the run itself (SIGTERM, like Ctrl+C), not cut off by a kill.
        var recording = ActionAgent.Core.Recording.RunRecording.Load(Path.Combine(_dir, "rec", runId));
        Assert.AreEqual(ActionAgent.Core.Runtime.RunStatus.Cancelled, recording.Manifest.Status, "run.json says how the run ended");
        Assert.IsNotNull(recording.Manifest.EndedAt);
        Assert.AreEqual(recording.Manifest.Steps, recording.Steps.Count, "every recorded step is whole and counted");

        // A reviewer approving the cancelled run's held step afterwards files nothing: no run is left to execute it.
        await cluster.SendAsync(HttpMethod.Post, serve, $"approvals/{held}/decision", ServeCluster.Reviewers[0], new { decision = "approve" });
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.AreEqual(0, app.State.Refunds.Count, "nothing filed for a cancelled task");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var again = (await cluster.TasksAsync(serve)).Single();
        Assert.AreEqual("cancelled", again.GetProperty("status").GetString(), "it ended once and stays ended");
        Assert.AreEqual(task.GetProperty("endedAt").GetString(), again.GetProperty("endedAt").GetString());
    }

    // Processes whose command line names the run (the actionagent run child and anything it started with the id).
    private static List<int> RunProcesses(string runId)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                if (cmdline.Contains(runId) && cmdline.Contains("run"))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    [TestMethod]
    public async Task TaskPages_OperatorSubmitsInTheForm_QueueListsTheTaskAndItsPageShowsIt()
    {
        await using var cluster = new ServeCluster(_dir, SqliteStore);
        var serve = await cluster.StartServeAsync(workers: 0);
        var (playwright, browser) = await TestChromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(serve, "tasks#token=" + ServeCluster.Operator).ToString());
            await page.FillAsync("input[name=task]", OpenOrder);
            await page.FillAsync("input[name=url]", "http://127.0.0.1:1/login");
            await page.ClickAsync("#submit button[type=submit]");
            await Microsoft.Playwright.Assertions.Expect(page.Locator("#rows tr")).ToHaveCountAsync(1);
            await Microsoft.Playwright.Assertions.Expect(page.Locator("#rows")).ToContainTextAsync("queued");
            Assert.AreEqual("", new Uri(page.Url).Fragment, "the token is not left in the address bar");

            await page.Locator("#rows a").ClickAsync();
            await Microsoft.Playwright.Assertions.Expect(page.Locator("#facts")).ToContainTextAsync("olga");
            await page.ClickAsync("#cancel");
            await Microsoft.Playwright.Assertions.Expect(page.Locator("#facts")).ToContainTextAsync("cancelled");

            var stranger = await browser.NewPageAsync();
            await stranger.GotoAsync(new Uri(serve, "tasks").ToString());
            await Microsoft.Playwright.Assertions.Expect(stranger.Locator("#error")).ToContainTextAsync("Bearer");
            await Microsoft.Playwright.Assertions.Expect(stranger.Locator("#rows tr")).ToHaveCountAsync(0);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [TestMethod]
    public async Task Worker_StoreWithNewerSchemaOrUnreachable_OneLineAndDocumentedExitCode()
    {
        var path = Path.Combine(_dir, "serve.db");
        await TaskStore.OpenAsync(StoreLocation.Parse("sqlite:" + path, _dir));
        await using (var db = new SqliteConnection($"Data Source={path}"))
        {
            await db.OpenAsync();
            await using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE aa_schema SET version = 99 WHERE name = 'tasks'";
            await cmd.ExecuteNonQueryAsync();
        }

        var newer = await CliProcess.RunAsync(_dir, Timeout, "worker", "--store", "sqlite:" + path, "--approvals-db", Path.Combine(_dir, "a.db"));
        var unreachable = await CliProcess.RunAsync(_dir, Timeout, "worker", "--store", "postgres://nobody@127.0.0.1:1/none", "--approvals-db", Path.Combine(_dir, "a.db"));

        Assert.AreEqual(2, newer.ExitCode, newer.ToString());
        StringAssert.Contains(newer.StdErr, "task schema version 99, newer than this ActionAgent understands (1)");
        Assert.AreEqual(1, newer.StdErr.Trim().Split('\n').Length, newer.ToString());
        Assert.AreEqual(3, unreachable.ExitCode, unreachable.ToString());
        StringAssert.Contains(unreachable.StdErr, "store postgres://127.0.0.1:1/none cannot be reached");
        Assert.AreEqual(1, unreachable.StdErr.Trim().Split('\n').Length, unreachable.ToString());
    }

    [TestMethod]
    public async Task Worker_ApprovalDatabaseUnreachable_OneLineAndExit3()
    {
        var store = "sqlite:" + Path.Combine(_dir, "serve.db");

        var unreachable = await CliProcess.RunAsync(_dir, Timeout, "worker", "--store", store, "--approvals-db", "postgres://nobody@127.0.0.1:1/approvals");
        var malformed = await CliProcess.RunAsync(_dir, Timeout, "worker", "--store", store, "--approvals-db", "postgres://");

        Assert.AreEqual(3, unreachable.ExitCode, unreachable.ToString());
        StringAssert.Contains(unreachable.StdErr, "approval store postgres://127.0.0.1:1/approvals cannot be reached");
        Assert.AreEqual(1, unreachable.StdErr.Trim().Split('\n').Length, unreachable.ToString());
        Assert.AreEqual(2, malformed.ExitCode, malformed.ToString());
        StringAssert.Contains(malformed.StdErr, "is neither a file path nor postgres://user:password@host:port/database");
    }

    // The issue's scale suite, small enough for every CI run (≈ the size the ServeTests always had); the full 30 tasks are opt-in below.
    [TestMethod]
    public async Task Postgres_TwoServeThreeWorkers_WorkerKilledMidTask_NothingLostAndEachRefundFiledOnce()
    {
        var (pg, reason) = await PostgresServer.StartAsync();
        if (pg is null)
        {
            Assert.Inconclusive(reason ?? "PostgreSQL could not start");
        }

        await using var pgScope = pg;
        await RunSuiteAsync(WithPassword(pg.StoreUrl), new SuiteShape(Serves: 2, Workers: 3, Simple: 6, Refunds: 3));
    }

    [TestMethod]
    public async Task Sqlite_OneWorkerKilledAndRestarted_NothingLostOwnerCannotApproveEachRefundFiledOnce()
    {
        await RunSuiteAsync(SqliteStore, new SuiteShape(Serves: 1, Workers: 1, Simple: 2, Refunds: 1));
    }

    /// <summary>The issue's full figures: 30 tasks, 10 approvals. Opt-in (≈15–25 min on 2 busy cores): ACTIONAGENT_SCALE_FULL=1.</summary>
    [TestMethod]
    [TestCategory("Scale")]
    public async Task Postgres_Full_30TasksTenApprovals_TwoServeThreeWorkers_WorkerKilled()
    {
        SkipUnlessFull();
        var (pg, reason) = await PostgresServer.StartAsync();
        if (pg is null)
        {
            Assert.Inconclusive(reason ?? "PostgreSQL could not start");
        }

        await using var pgScope = pg;
        await RunSuiteAsync(WithPassword(pg.StoreUrl), new SuiteShape(Serves: 2, Workers: 3, Simple: 20, Refunds: 10));
    }

    /// <summary>The same 30 tasks on the embedded SQLite default with one worker (killed -9 and restarted). Opt-in: ACTIONAGENT_SCALE_FULL=1.</summary>
    [TestMethod]
    [TestCategory("Scale")]
    public async Task Sqlite_Full_30TasksTenApprovals_OneWorkerKilledAndRestarted()
    {
        SkipUnlessFull();
        await RunSuiteAsync(SqliteStore, new SuiteShape(Serves: 1, Workers: 1, Simple: 20, Refunds: 10));
    }

    private sealed record SuiteShape(int Serves, int Workers, int Simple, int Refunds);

    private static void SkipUnlessFull()
    {
        if (Environment.GetEnvironmentVariable("ACTIONAGENT_SCALE_FULL") != "1")
        {
            Assert.Inconclusive("the 30-task scale suite is opt-in: set ACTIONAGENT_SCALE_FULL=1 (the default suite runs a smaller shape)");
        }
    }

    // The fixture cluster trusts every local connection, so the password is never checked: it is there to be looked for on command lines.
    private static string WithPassword(string url) => url.Replace("postgres@", "postgres:" + Password + "@", StringComparison.Ordinal);

    private const string Password = "pw-s3cret-9431";

    /// <summary>
    /// Serves and workers on one store; simple tasks and refund tasks on the sample app; one worker killed -9 mid-task (on a
    /// one-worker store a new worker is then started, as a restart would); three reviewers decide each held refund at once;
    /// every task ends exactly once, every refund is filed exactly once, the audit chain is intact and holds every run's head.
    /// </summary>
    private async Task RunSuiteAsync(string store, SuiteShape shape)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var app = await SampleAppServer.StartAsync();
        await using var cluster = new ServeCluster(_dir, store);
        var serves = new List<Uri>();
        for (var i = 0; i < shape.Serves; i++)
        {
            serves.Add(await cluster.StartServeAsync(workers: 0));
        }

        var workers = new List<BackgroundCli>();
        for (var i = 0; i < shape.Workers; i++)
        {
            workers.Add(await cluster.StartWorkerAsync());
        }

        var total = shape.Simple + shape.Refunds;
        var ids = new List<string>();
        var refundIds = new List<string>();
        for (var i = 0; i < total; i++)
        {
            // Refund tasks spread evenly through the queue; olga submits them, otto the simple ones.
            var refund = (i + 1) * shape.Refunds / total > i * shape.Refunds / total;
            var serve = serves[i % serves.Count];
            var id = refund
                ? await cluster.SubmitAsync(serve, ActionAgent.Cli.Commands.DemoCommand.Task, app.BaseUrl + "/login")
                : await cluster.SubmitAsync(serve, OpenOrder, app.BaseUrl + "/login", ServeCluster.Operator2);
            ids.Add(id);
            if (refund)
            {
                refundIds.Add(id);
            }
        }

        // Kill -9 (with its browser) a worker in the middle of a task that has no approval, as a machine dying would.
        var (killedTask, killedWorker) = await WaitForRunningSimpleTaskAsync(cluster, serves[0], workers, TimeSpan.FromMinutes(4));
        if (cluster.IsPostgres)
        {
            var exposed = RunCommandLines().Where(c => c.Contains(Password, StringComparison.Ordinal)).ToList();
            Assert.AreEqual(0, exposed.Count, "no run's command line carries the database password:\n" + string.Join("\n", exposed));
        }

        await killedWorker.KillTreeAsync();
        if (shape.Workers == 1)
        {
            workers.Add(await cluster.StartWorkerAsync());
        }

        // Three reviewers decide every held refund at once, through every serve instance: exactly one decision applies.
        var decided = new HashSet<long>();
        var ownerRefused = false;
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(5 + total);
        while (decided.Count < shape.Refunds && DateTime.UtcNow < until)
        {
            var pending = (await cluster.PendingApprovalsAsync(serves[^1])).Select(a => a.GetProperty("id").GetInt64()).Where(id => !decided.Contains(id)).ToList();
            if (!ownerRefused && pending.Count > 0)
            {
                var own = await cluster.SendAsync(HttpMethod.Post, serves[0], $"approvals/{pending[0].ToString(CultureInfo.InvariantCulture)}/decision", "olga-reviews-0123456789", new { decision = "approve" });
                Assert.AreEqual(HttpStatusCode.Forbidden, own.Status, "olga submitted the refund tasks: she cannot approve their held steps");

                // Nor through the shared store directly, as `actionagent approvals approve ID --reviewer olga` would: the store decides.
                var direct = await (await ApprovalStores.OpenAsync(cluster.IsPostgres ? store : cluster.ApprovalsDb)).DecideAsync(
                    pending[0].ToString(CultureInfo.InvariantCulture), new ReviewerDecision(true, "olga"));
                Assert.AreEqual("forbidden", direct.ErrorCode, direct.Message);
                Assert.AreEqual("olga", direct.Approval!.RequestedBy, "the run stored who asked for it");
                ownerRefused = true;
            }

            await Task.WhenAll(pending.Select(async id =>
            {
                var votes = await Task.WhenAll(ServeCluster.Reviewers.Select((token, i) =>
                    cluster.SendAsync(HttpMethod.Post, serves[i % serves.Count], $"approvals/{id.ToString(CultureInfo.InvariantCulture)}/decision", token, new { decision = "approve" })));
                Assert.AreEqual(1, votes.Count(v => v.Status == HttpStatusCode.OK), string.Join("\n", votes.Select(v => $"{v.Status} {v.Body}")));
                Assert.AreEqual(2, votes.Count(v => v.Status == HttpStatusCode.Conflict), "the other two reviewers are told it is already decided");
            }));
            decided.UnionWith(pending);
            await Task.Delay(500);
        }

        var tasks = await WaitForAllEndedAsync(cluster, serves[^1], ids.Count, TimeSpan.FromMinutes(5 + total));
        CollectionAssert.AreEquivalent(ids, tasks.Select(t => t.GetProperty("id").GetString()).ToList(), "no task lost, none doubled");
        foreach (var t in tasks)
        {
            Assert.AreEqual("completed", t.GetProperty("status").GetString(), t.ToString() + cluster.Output());
            var expected = t.GetProperty("id").GetString() == killedTask ? 2 : 1;
            Assert.AreEqual(expected, t.GetProperty("attempt").GetInt32(), "each task ran once; the killed worker's task once more: " + t);
        }

        var retried = tasks.Single(t => t.GetProperty("id").GetString() == killedTask);
        Assert.AreNotEqual(killedWorker.ProcessId.ToString(CultureInfo.InvariantCulture), retried.GetProperty("worker").GetString()!.Split(':')[^1], "retried on another worker");
        Assert.IsTrue(ownerRefused);
        Assert.AreEqual(shape.Refunds, decided.Count);
        Assert.AreEqual(shape.Refunds, app.State.Refunds.Count, "each approved refund filed exactly once");
        Assert.AreEqual(shape.Refunds, app.State.Requests.Count(r => r.Method == "POST" && r.Path == "/refund"));
        var approvals = await (await ApprovalStores.OpenAsync(cluster.IsPostgres ? store : cluster.ApprovalsDb)).ListAsync();
        Assert.AreEqual(shape.Refunds, approvals.Count(a => a.Status == ApprovalStatus.Approved && a.ExecutedAt is not null), "each refund approved and claimed once");
        var detail = await cluster.SendAsync(HttpMethod.Get, serves[0], $"api/tasks/{refundIds[0]}", ServeCluster.Operator);
        Assert.IsTrue(detail.Body.GetProperty("steps").GetArrayLength() >= 10, "the task page shows the run's steps: " + detail.Body);

        // One audit chain for every worker, intact, holding the head each finished run recorded (PostgreSQL: table aa_audit).
        var audit = cluster.IsPostgres ? store : cluster.AuditFile;
        Assert.AreEqual(!cluster.IsPostgres, File.Exists(cluster.AuditFile), "with PostgreSQL the audit log is in the database, not a local file");
        Assert.AreEqual(!cluster.IsPostgres, File.Exists(cluster.ApprovalsDb), "with PostgreSQL approvals are in the database, not a local file");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var verify = ActionAgent.Approvals.Commands.AuditCommands.Verify(audit, [], Path.Combine(_dir, "rec"), stdout, stderr);
        Assert.AreEqual(0, verify, stdout.ToString() + stderr);
        StringAssert.Contains(stdout.ToString(), $"{total} runs in", "every completed run recorded a head of this one log: " + stdout);
        Assert.IsFalse((stdout.ToString() + stderr).Contains(Password, StringComparison.Ordinal));
        var decisions = (await ActionAgent.Approvals.Audit.AuditLog.VerifyAsync(audit, [])).Entries;
        Assert.IsTrue(decisions >= total, $"the chain has the runs' entries ({decisions})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale suite {(cluster.IsPostgres ? "postgres" : "sqlite")}: {shape.Serves} serve, {shape.Workers} workers, {total} tasks ({shape.Refunds} approvals), one worker killed: {clock.Elapsed.TotalSeconds:F0} s"));
    }

    // The command lines of the workers' run children (they all carry --run-id).
    private static List<string> RunCommandLines()
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains("--run-id", StringComparison.Ordinal))
                {
                    found.Add(cmdline);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not a process, or it ended while we looked.
            }
        }

        return found;
    }

    private static async Task<(string Task, BackgroundCli Worker)> WaitForRunningSimpleTaskAsync(ServeCluster cluster, Uri serve, List<BackgroundCli> workers, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            foreach (var t in await cluster.TasksAsync(serve))
            {
                if (t.GetProperty("status").GetString() == "running" && t.GetProperty("task").GetString() == OpenOrder
                    && t.GetProperty("startedAt").GetDateTimeOffset() < DateTimeOffset.UtcNow.AddSeconds(-4)
                    && workers.FirstOrDefault(w => t.GetProperty("worker").GetString()!.EndsWith(":" + w.ProcessId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)) is { } worker)
                {
                    return (t.GetProperty("id").GetString()!, worker);
                }
            }

            await Task.Delay(300);
        }

        throw new TimeoutException("no simple task was seen running on a worker\n" + cluster.Output());
    }

    private static async Task<List<long>> WaitForPendingAsync(ServeCluster cluster, Uri serve, int count)
    {
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (DateTime.UtcNow < until)
        {
            var pending = await cluster.PendingApprovalsAsync(serve);
            if (pending.Count >= count)
            {
                return pending.Select(a => a.GetProperty("id").GetInt64()).ToList();
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("no pending approval\n" + cluster.Output());
    }

    private static async Task<List<JsonElement>> WaitForAllEndedAsync(ServeCluster cluster, Uri serve, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        List<JsonElement> tasks = [];
        while (DateTime.UtcNow < until)
        {
            tasks = await cluster.TasksAsync(serve);
            if (tasks.Count == count && tasks.All(t => t.GetProperty("status").GetString() is "completed" or "failed" or "cancelled"))
            {
                return tasks;
            }

            await Task.Delay(1000);
        }

        Assert.Fail("not every task ended: " + string.Join("\n", tasks.Select(t => t.ToString())) + "\n" + cluster.Output());
        return tasks;
    }
}
