using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;

namespace ActionAgent.Approvals.Tests.Dashboard;

[TestClass]
public sealed class ApprovalDashboardHttpTests
{
    private DashboardFixture _f = null!;
    private StoredApproval _pending = null!;

    [TestInitialize]
    public async Task Init()
    {
        _f = await DashboardFixture.StartAsync();
        _pending = await _f.Store.EnqueueAsync(Build.Request(), DateTimeOffset.UtcNow.AddMinutes(10), ApprovalTimeoutBehavior.Expire);
    }

    [TestCleanup]
    public async Task Cleanup() => await _f.DisposeAsync();

    [TestMethod]
    [DataRow("/approvals")]
    [DataRow("/history")]
    [DataRow("/approvals/1")]
    [DataRow("/approvals/1/screenshot")]
    [DataRow("/api/approvals")]
    public async Task Get_WithoutToken_Is401(string path)
    {
        using var client = _f.Client();

        var response = await client.GetAsync(path);

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.IsFalse((await response.Content.ReadAsStringAsync()).Contains("Submit refund", StringComparison.Ordinal), "nothing leaks without a token");
    }

    [TestMethod]
    public async Task Get_WithWrongToken_Is401()
    {
        using var client = _f.Client();

        var page = await client.GetAsync("/approvals?token=alice-token-0123456780");
        var api = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/approvals") { Headers = { { "Authorization", "Bearer nope-nope-nope-nope" } } });

        Assert.AreEqual(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.IsFalse(page.Headers.Contains("Set-Cookie"));
    }

    [TestMethod]
    public async Task Login_WithToken_SetsHttpOnlyStrictCookieAndDropsTheTokenFromTheUrl()
    {
        using var client = _f.Client();

        var response = await client.GetAsync($"/approvals/{_pending.Id}?token={DashboardFixture.AliceToken}");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual($"/approvals/{_pending.Id}", response.Headers.Location!.ToString());
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        StringAssert.StartsWith(cookie, "aa_session=");
        StringAssert.Contains(cookie.ToLowerInvariant(), "httponly");
        StringAssert.Contains(cookie.ToLowerInvariant(), "samesite=strict");
        var page = await client.GetStringAsync($"/approvals/{_pending.Id}");
        StringAssert.Contains(page, "Signed in as <strong>alice</strong>");
        StringAssert.Contains(page, "Submit refund");
    }

    [TestMethod]
    public async Task Pages_SendASecurityPolicyWithoutInlineScript()
    {
        var (client, _) = await _f.LoginAsync(DashboardFixture.AliceToken);

        var response = await client.GetAsync("/approvals");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        StringAssert.Contains(csp, "script-src 'self'");
        StringAssert.Contains(csp, "frame-ancestors 'none'");
    }

    [TestMethod]
    public async Task Decide_WithoutCsrfToken_Is403AndNothingChanges()
    {
        var (client, _) = await _f.LoginAsync(DashboardFixture.AliceToken);

        var response = await client.PostAsync($"/approvals/{_pending.Id}/decision", DashboardFixture.Form(("decision", "approve")));
        var forged = await client.PostAsync($"/approvals/{_pending.Id}/decision", DashboardFixture.Form(("decision", "approve"), ("csrf", "forged-token")));

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, forged.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "CSRF");
        Assert.AreEqual(ApprovalStatus.Pending, (await _f.Store.FindAsync(_pending.IdempotencyKey))!.Status);
    }

    [TestMethod]
    public async Task Decide_FromAnotherOrigin_Is403EvenWithTheToken()
    {
        var (client, csrf) = await _f.LoginAsync(DashboardFixture.AliceToken);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/approvals/{_pending.Id}/decision")
        {
            Content = DashboardFixture.Form(("decision", "approve"), ("csrf", csrf)),
        };
        request.Headers.Add("Origin", "http://evil.example");

        var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.AreEqual(ApprovalStatus.Pending, (await _f.Store.FindAsync(_pending.IdempotencyKey))!.Status);
    }

    [TestMethod]
    public async Task Approve_WithCsrfToken_ApprovesAndShowsWhoDid()
    {
        var (client, csrf) = await _f.LoginAsync(DashboardFixture.AliceToken);

        var response = await client.PostAsync($"/approvals/{_pending.Id}/decision", DashboardFixture.Form(("decision", "approve"), ("comment", "checked the amount"), ("csrf", csrf)));

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await _f.Store.FindAsync(_pending.IdempotencyKey))!;
        Assert.AreEqual(ApprovalStatus.Approved, stored.Status);
        Assert.AreEqual("alice", stored.Reviewer);
        Assert.AreEqual("checked the amount", stored.Comment);
        var page = await client.GetStringAsync(response.Headers.Location!.ToString());
        StringAssert.Contains(page, "You approved this action.");
        StringAssert.Contains(page, "Approved by alice at");
        StringAssert.Contains(File.ReadAllText(_f.Dir.File("audit.jsonl")), "\"channel\":\"dashboard\"");
    }

    [TestMethod]
    public async Task Reject_WithoutReason_Is400()
    {
        var (client, csrf) = await _f.LoginAsync(DashboardFixture.AliceToken);

        var response = await client.PostAsync($"/approvals/{_pending.Id}/decision", DashboardFixture.Form(("decision", "reject"), ("comment", ""), ("csrf", csrf)));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "a rejection needs a reason");
    }

    [TestMethod]
    public async Task Approve_TwoReviewersAtOnce_ExactlyOneWinsAndTheOtherHearsWho()
    {
        var (alice, aliceCsrf) = await _f.LoginAsync(DashboardFixture.AliceToken);
        var (bob, bobCsrf) = await _f.LoginAsync(DashboardFixture.BobToken);

        HttpRequestMessage Post(string csrf, string decision) => new(HttpMethod.Post, $"/approvals/{_pending.Id}/decision")
        {
            Content = JsonContent.Create(new { decision, comment = "conflict test" }),
            Headers = { { "X-CSRF-Token", csrf }, { "Accept", "application/json" } },
        };

        var responses = await Task.WhenAll(alice.SendAsync(Post(aliceCsrf, "approve")), bob.SendAsync(Post(bobCsrf, "reject")));

        var codes = responses.Select(r => r.StatusCode).OrderBy(c => c).ToArray();
        CollectionAssert.AreEqual(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, codes);
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        using var body = JsonDocument.Parse(await loser.Content.ReadAsStringAsync());
        Assert.AreEqual("already_decided", body.RootElement.GetProperty("error").GetString());
        StringAssert.Matches(body.RootElement.GetProperty("message").GetString(), new System.Text.RegularExpressions.Regex(@"was already (approved by alice|rejected by bob) at \d{4}-"));
    }

    [TestMethod]
    public async Task Approve_WithBearerToken_NeedsNoCsrf()
    {
        using var client = _f.Client();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/approvals/{_pending.Id}/decision")
        {
            Content = JsonContent.Create(new { decision = "approve" }),
            Headers = { { "Authorization", $"Bearer {DashboardFixture.BobToken}" } },
        };

        var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("bob", (await _f.Store.FindAsync(_pending.IdempotencyKey))!.Reviewer);
    }

    [TestMethod]
    public async Task Restart_WhileApprovalPending_ItIsStillThere()
    {
        await _f.RestartAsync();
        var (client, _) = await _f.LoginAsync(DashboardFixture.AliceToken);

        var page = await client.GetStringAsync("/approvals");

        StringAssert.Contains(page, $"data-id=\"{_pending.Id}\"");
        StringAssert.Contains(page, "click #7 &quot;the Submit refund button&quot;");
    }

    [TestMethod]
    public async Task Pages_EncodeHostileText()
    {
        var hostile = Build.Request(step: 9, label: "<script>alert(1)</script>",
            action: new TypeTextAction(ActionTarget.Element(7, "<img src=x onerror=alert(2)>"), "\"><script>alert(3)</script>"));
        var a = await _f.Store.EnqueueAsync(hostile, DateTimeOffset.UtcNow.AddMinutes(10), ApprovalTimeoutBehavior.Expire);
        var (client, _) = await _f.LoginAsync(DashboardFixture.AliceToken);

        var list = await client.GetStringAsync("/approvals");
        var detail = await client.GetStringAsync($"/approvals/{a.Id}");

        foreach (var html in new[] { list, detail })
        {
            Assert.IsFalse(html.Contains("<script>alert", StringComparison.Ordinal));
            Assert.IsFalse(html.Contains("<img src=x", StringComparison.Ordinal));
        }

        StringAssert.Contains(detail, "&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [TestMethod]
    public async Task Api_ListsPendingAsJson()
    {
        var (client, _) = await _f.LoginAsync(DashboardFixture.AliceToken);

        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/approvals?status=pending"));

        var item = doc.RootElement.GetProperty("items")[0];
        Assert.AreEqual("actions.submit", item.GetProperty("rule").GetString());
        Assert.AreEqual(60, item.GetProperty("targetBox").GetProperty("x").GetDouble());
    }

    [TestMethod]
    public async Task Decide_UnknownApproval_Is404()
    {
        var (client, csrf) = await _f.LoginAsync(DashboardFixture.AliceToken);

        var response = await client.PostAsync("/approvals/4242/decision", DashboardFixture.Form(("decision", "approve"), ("csrf", csrf)));

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [TestMethod]
    public async Task PagesAndApi_ControlAndBidiCharacters_AreShownEscaped()
    {
        const string label = "Delete all\u001b[2K\rSave draft\u202E";
        var hostile = Build.Request(step: 9, label: label, action: new ClickAction(ActionTarget.Element(7, label))) with
        {
            Task = "Save the \u2066draft\u2069",
            Url = "http://127.0.0.1:5000/\u200Fdrafts",
        };
        var a = await _f.Store.EnqueueAsync(hostile, DateTimeOffset.UtcNow.AddMinutes(10), ApprovalTimeoutBehavior.Expire);
        var (client, _) = await _f.LoginAsync(DashboardFixture.AliceToken);

        var list = await client.GetStringAsync("/approvals");
        var detail = await client.GetStringAsync($"/approvals/{a.Id}");
        var api = await client.GetStringAsync("/api/approvals?status=pending");

        foreach (var html in new[] { list, detail })
        {
            // &#x202E; is as live as the raw character once the browser parses it.
            Assert.IsFalse(html.Any(c => c != '\n' && InertText.IsUnsafe(c)), "a raw control or bidi character in the page");
            Assert.IsFalse(html.Contains("&#x202E;", StringComparison.OrdinalIgnoreCase) || html.Contains("&#x1B;", StringComparison.OrdinalIgnoreCase), "a character reference the browser would turn back into a control character");
        }

        StringAssert.Contains(detail, @"Delete all\x1b[2K\rSave draft&lt;U&#x2B;202E&gt;");
        using var doc = JsonDocument.Parse(api);
        var item = doc.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == a.Id);
        foreach (var field in new[] { "action", "target", "reason", "task", "url" })
        {
            var text = item.GetProperty(field).GetString()!;
            Assert.IsFalse(text.Any(c => InertText.IsUnsafe(c)), $"{field} would be rendered live by the page's script: {text}");
        }

        Assert.AreEqual("Save the <U+2066>draft<U+2069>", item.GetProperty("task").GetString());
    }
}
