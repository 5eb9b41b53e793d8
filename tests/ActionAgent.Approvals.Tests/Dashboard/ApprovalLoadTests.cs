using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Tests.Dashboard;

/// <summary>100 pending approvals, 10 reviewers deciding all of them at once over HTTP: each decided exactly once.</summary>
[TestClass]
[DoNotParallelize]
public sealed class ApprovalLoadTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task TenReviewers_HundredApprovals_EachDecidedOnceAndExecutedOnce()
    {
        const int Approvals = 100;
        const int Reviewers = 10;
        var tokens = string.Join(',', Enumerable.Range(0, Reviewers).Select(i => $"r{i}:reviewer{i}-token-0123456789"));
        await using var f = await DashboardFixture.StartAsync(tokens: tokens);
        var ids = new List<long>();
        for (var step = 1; step <= Approvals; step++)
        {
            ids.Add((await f.Store.EnqueueAsync(Build.Request(runId: "load-run", step: step), DateTimeOffset.UtcNow.AddMinutes(30), ApprovalTimeoutBehavior.Expire)).Id);
        }

        var sessions = new List<(HttpClient Client, string Csrf)>();
        for (var r = 0; r < Reviewers; r++)
        {
            sessions.Add(await f.LoginAsync($"reviewer{r}-token-0123456789"));
        }

        // Every reviewer tries every approval, in its own order, approving or rejecting: 1,000 conflicting decisions.
        var outcomes = new ConcurrentBag<(long Id, int Reviewer, bool Approve, HttpStatusCode Code, string Error)>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select((s, r) => Task.Run(async () =>
        {
            var order = ids.OrderBy(_ => Random.Shared.Next()).ToList();
            foreach (var id in order)
            {
                var approve = (id + r) % 3 != 0;
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/approvals/{id}/decision")
                {
                    Content = JsonContent.Create(new { decision = approve ? "approve" : "reject", comment = $"r{r} says {(approve ? "yes" : "no")}" }),
                };
                request.Headers.Add("X-CSRF-Token", s.Csrf);
                request.Headers.Add("Accept", "application/json");
                using var response = await s.Client.SendAsync(request);
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                outcomes.Add((id, r, approve, response.StatusCode, body.RootElement.TryGetProperty("error", out var e) ? e.GetString() ?? "" : ""));
            }
        })));
        var decideTime = clock.Elapsed;

        Assert.AreEqual(Approvals * Reviewers, outcomes.Count);
        Assert.IsFalse(outcomes.Any(o => o.Code is not (HttpStatusCode.OK or HttpStatusCode.Conflict)), string.Join(", ", outcomes.Where(o => o.Code is not (HttpStatusCode.OK or HttpStatusCode.Conflict)).Select(o => $"{o.Id}:{o.Code}")));
        Assert.IsTrue(outcomes.Where(o => o.Code == HttpStatusCode.Conflict).All(o => o.Error == "already_decided"));
        var winners = outcomes.Where(o => o.Code == HttpStatusCode.OK).GroupBy(o => o.Id).ToDictionary(g => g.Key, g => g.ToList());
        Assert.AreEqual(Approvals, winners.Count, "every approval was decided");
        Assert.IsTrue(winners.Values.All(w => w.Count == 1), "no approval was decided twice");

        var stored = await f.Store.ListAsync(null, 1000);
        Assert.AreEqual(Approvals, stored.Count, "none lost");
        foreach (var a in stored)
        {
            var winner = winners[a.Id].Single();
            Assert.AreEqual(winner.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected, a.Status, $"approval {a.Id}");
            Assert.AreEqual($"r{winner.Reviewer}", a.Reviewer);
        }

        // Three agents race to execute every approved action: each claim succeeds exactly once.
        clock.Restart();
        var approved = stored.Where(a => a.Status == ApprovalStatus.Approved).ToList();
        var claims = await Task.WhenAll(approved.SelectMany(a => Enumerable.Range(0, 3).Select(_ => Task.Run(async () => (a.IdempotencyKey, Won: await f.Store.TryClaimExecutionAsync(a.IdempotencyKey))))));
        var claimTime = clock.Elapsed;
        Assert.IsTrue(claims.GroupBy(c => c.IdempotencyKey).All(g => g.Count(c => c.Won) == 1), "each approved action executes exactly once");
        Assert.IsTrue(stored.Where(a => a.Status == ApprovalStatus.Rejected).All(a => !f.Store.TryClaimExecutionAsync(a.IdempotencyKey).GetAwaiter().GetResult()), "rejected actions never execute");
        var audit = AuditLog.Verify(f.Dir.File("audit.jsonl"));
        Assert.IsTrue(audit.IsValid, audit.Message);
        Assert.AreEqual(Approvals * Reviewers, audit.Entries, "every decision attempt is audited");

        var report = $"load: {Approvals} approvals x {Reviewers} reviewers = {outcomes.Count} HTTP decisions in {decideTime.TotalMilliseconds:0} ms " +
                     $"({outcomes.Count / decideTime.TotalSeconds:0} decisions/s; {approved.Count} approved, {Approvals - approved.Count} rejected); " +
                     $"{claims.Length} execution claims in {claimTime.TotalMilliseconds:0} ms, {claims.Count(c => c.Won)} won";
        TestContext.WriteLine(report);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "actionagent-approvals-load.txt"), report + Environment.NewLine);
        foreach (var (client, _) in sessions)
        {
            client.Dispose();
        }
    }
}
