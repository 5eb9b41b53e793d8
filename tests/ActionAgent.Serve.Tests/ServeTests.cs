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

    [TestMethod]
    public async Task Sqlite_OneWorker_EveryTaskEndsOnce_OwnerCannotApprove_RefundFiledOnce()
    {
        await using var app = await SampleAppServer.StartAsync();
        await using var cluster = new ServeCluster(_dir, SqliteStore);
        var serve = await cluster.StartServeAsync(workers: 1);
        var ids = new List<string>
        {
            await cluster.SubmitAsync(serve, OpenOrder, app.BaseUrl + "/login"),
            await cluster.SubmitAsync(serve, ActionAgent.Cli.Commands.DemoCommand.Task, app.BaseUrl + "/login"),
            await cluster.SubmitAsync(serve, OpenOrder, app.BaseUrl + "/login", ServeCluster.Operator2),
        };

        var pending = await WaitForPendingAsync(cluster, serve, 1);
        var own = await cluster.SendAsync(HttpMethod.Post, serve, $"approvals/{pending[0]}/decision", "olga-reviews-0123456789", new { decision = "approve" });
        Assert.AreEqual(HttpStatusCode.Forbidden, own.Status, "olga submitted the refund task: she cannot approve its held step");
        Assert.AreEqual(0, app.State.Refunds.Count);
        var approved = await cluster.SendAsync(HttpMethod.Post, serve, $"approvals/{pending[0]}/decision", ServeCluster.Reviewers[0], new { decision = "approve" });
        Assert.AreEqual(HttpStatusCode.OK, approved.Status, approved.Body.ToString());

        var tasks = await WaitForAllEndedAsync(cluster, serve, ids.Count, TimeSpan.FromMinutes(5));
        foreach (var t in tasks)
        {
            Assert.AreEqual("completed", t.GetProperty("status").GetString(), t.ToString() + cluster.Output());
            Assert.AreEqual(1, t.GetProperty("attempt").GetInt32(), "each task ran once");
            Assert.AreEqual(0, t.GetProperty("exitCode").GetInt32());
        }

        CollectionAssert.AreEquivalent(ids, tasks.Select(t => t.GetProperty("id").GetString()).ToList());
        Assert.AreEqual(1, app.State.Refunds.Count, "approved once, filed once");
        Assert.AreEqual(1, app.State.Requests.Count(r => r.Method == "POST" && r.Path == "/refund"));
        var detail = await cluster.SendAsync(HttpMethod.Get, serve, $"api/tasks/{ids[1]}", ServeCluster.Operator);
        Assert.IsTrue(detail.Body.GetProperty("steps").GetArrayLength() >= 10, "the task page shows the run's steps: " + detail.Body);
        Assert.AreEqual("approved", detail.Body.GetProperty("approvals")[0].GetProperty("status").GetString());
    }

    [TestMethod]
    public async Task Postgres_TwoServeThreeWorkers_WorkerKilledMidTask_NothingLostAndEachRefundFiledOnce()
    {
        var (pg, reason) = await PostgresServer.StartAsync();
        if (pg is null)
        {
            Assert.Inconclusive(reason ?? "PostgreSQL could not start");
        }

        await using var pgScope = pg;
        await using var app = await SampleAppServer.StartAsync();
        await using var cluster = new ServeCluster(_dir, pg.StoreUrl);
        var serves = new[] { await cluster.StartServeAsync(workers: 0), await cluster.StartServeAsync(workers: 0) };
        var workers = new List<BackgroundCli>();
        for (var i = 0; i < 3; i++)
        {
            workers.Add(await cluster.StartWorkerAsync());
        }

        const int Simple = 6, Refunds = 3;
        var ids = new List<string>();
        for (var i = 0; i < Simple + Refunds; i++)
        {
            var serve = serves[i % 2];
            ids.Add(i % 3 == 2
                ? await cluster.SubmitAsync(serve, ActionAgent.Cli.Commands.DemoCommand.Task, app.BaseUrl + "/login")
                : await cluster.SubmitAsync(serve, OpenOrder, app.BaseUrl + "/login", ServeCluster.Operator2));
        }

        // Kill -9 (with its browser) a worker in the middle of a task that has no approval, as a machine dying would.
        var (killedTask, killedWorker) = await WaitForRunningSimpleTaskAsync(cluster, serves[0], workers, TimeSpan.FromMinutes(3));
        await killedWorker.KillTreeAsync();

        // Three reviewers decide every held refund at once, through both serve instances: exactly one decision applies.
        var decided = new HashSet<long>();
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(8);
        while (decided.Count < Refunds && DateTime.UtcNow < until)
        {
            foreach (var id in (await cluster.PendingApprovalsAsync(serves[1])).Select(a => a.GetProperty("id").GetInt64()).Where(id => !decided.Contains(id)))
            {
                var votes = await Task.WhenAll(ServeCluster.Reviewers.Select((token, i) =>
                    cluster.SendAsync(HttpMethod.Post, serves[i % 2], $"approvals/{id.ToString(CultureInfo.InvariantCulture)}/decision", token, new { decision = "approve" })));
                Assert.AreEqual(1, votes.Count(v => v.Status == HttpStatusCode.OK), string.Join("\n", votes.Select(v => $"{v.Status} {v.Body}")));
                Assert.AreEqual(2, votes.Count(v => v.Status == HttpStatusCode.Conflict), "the other two reviewers are told it is already decided");
                decided.Add(id);
            }

            await Task.Delay(500);
        }

        var tasks = await WaitForAllEndedAsync(cluster, serves[1], ids.Count, TimeSpan.FromMinutes(8));
        CollectionAssert.AreEquivalent(ids, tasks.Select(t => t.GetProperty("id").GetString()).ToList(), "no task lost, none doubled");
        foreach (var t in tasks)
        {
            Assert.AreEqual("completed", t.GetProperty("status").GetString(), t.ToString() + cluster.Output());
        }

        var retried = tasks.Single(t => t.GetProperty("id").GetString() == killedTask);
        Assert.AreEqual(2, retried.GetProperty("attempt").GetInt32(), "the killed worker's task was retried once, on another worker: " + retried);
        Assert.AreNotEqual(killedWorker.ProcessId.ToString(CultureInfo.InvariantCulture), retried.GetProperty("worker").GetString()!.Split(':')[^1]);
        Assert.AreEqual(Refunds, decided.Count);
        Assert.AreEqual(Refunds, app.State.Refunds.Count, "each approved refund filed exactly once");
        Assert.AreEqual(Refunds, app.State.Requests.Count(r => r.Method == "POST" && r.Path == "/refund"));
        Assert.IsFalse(File.Exists(cluster.ApprovalsDb), "no --approvals-db was given: approvals live in PostgreSQL, not in a local file");
        var shared = await ApprovalStores.OpenAsync(pg.StoreUrl);
        var approvals = await shared.ListAsync();
        Assert.AreEqual(Refunds, approvals.Count(a => a.Status == ApprovalStatus.Approved && a.ExecutedAt is not null), "each refund approved and claimed once, in PostgreSQL");
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
