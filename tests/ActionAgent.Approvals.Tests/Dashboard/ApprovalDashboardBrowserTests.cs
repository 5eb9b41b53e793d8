using ActionAgent.TestKit;
using ActionAgent.Approvals.Tests.Fakes;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using Microsoft.Playwright;

namespace ActionAgent.Approvals.Tests.Dashboard;

/// <summary>The dashboard driven by a reviewer in real headless Chromium.</summary>
[TestClass]
[DoNotParallelize]
public sealed class ApprovalDashboardBrowserTests
{
    private const string RefundForm = """
        <html><body style="font-family:sans-serif;margin:0;background:#fafafa">
        <header style="background:#234;color:#fff;padding:14px 24px;font-size:20px">Acme Ops · Refunds</header>
        <main style="padding:24px 32px"><h2>New refund</h2>
        <form><p><label>Order <input value="1042" style="margin-left:8px"></label></p>
        <p><label>Customer <input value="Ada Lovelace" style="margin-left:8px"></label></p>
        <p><label>Amount <input id="amount" value="42.00" style="margin-left:8px"></label></p>
        <p><button id="submit" type="submit" style="padding:10px 18px;font-size:15px">Submit refund</button></p></form></main></body></html>
        """;

    private static IPlaywright s_playwright = null!;
    private static IBrowser s_browser = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task ClassInit(TestContext context)
    {
        (s_playwright, s_browser) = await TestChromium.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task ClassCleanup()
    {
        await s_browser.DisposeAsync();
        s_playwright.Dispose();
    }

    private static async Task<(byte[] Png, ScreenRect Box)> RefundScreenshotAsync()
    {
        var page = await s_browser.NewPageAsync(new() { ViewportSize = new() { Width = 900, Height = 520 } });
        await page.SetContentAsync(RefundForm);
        var box = (await page.Locator("#submit").BoundingBoxAsync())!;
        var png = await page.ScreenshotAsync();
        await page.CloseAsync();
        return (png, new ScreenRect(box.X, box.Y, box.Width, box.Height));
    }

    [TestMethod]
    public async Task Reviewer_LogsInSeesScreenshotWithHighlightAndApproves()
    {
        await using var f = await DashboardFixture.StartAsync();
        var (png, box) = await RefundScreenshotAsync();
        var request = Build.Request() with
        {
            TargetElement = new UiElement { Id = 7, Role = "button", Name = "Submit refund", SubmitsForm = true, Bounds = box },
            AnnotatedScreenshot = png,
            Geometry = ViewportGeometry.Identity(900, 520),
        };
        var pending = await f.Store.EnqueueAsync(request, DateTimeOffset.UtcNow.AddMinutes(10), ApprovalTimeoutBehavior.Expire);
        await f.Store.EnqueueAsync(Build.Request(step: 4, action: new TypeTextAction(ActionTarget.Element(3, "Amount"), "42.00")) with { AnnotatedScreenshot = png },
            DateTimeOffset.UtcNow.AddMinutes(10), ApprovalTimeoutBehavior.Expire);
        var context = await s_browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 860 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(f.Url, $"/approvals?token={DashboardFixture.AliceToken}").ToString());

        Assert.IsFalse(page.Url.Contains("token=", StringComparison.Ordinal), "the token leaves the address bar after login");
        await Assertions.Expect(page.Locator("#pending tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#pending-count")).ToHaveTextAsync("2");
        await page.ScreenshotAsync(new() { Path = Shot("dashboard-pending.png"), FullPage = true });

        await page.Locator($"tr[data-id='{pending.Id}'] a.action").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Click \"Submit refund\"");
        var imageLoaded = await page.Locator(".shot img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 900");
        Assert.IsTrue(imageLoaded, "the annotated screenshot loads");
        var rect = page.Locator("svg.overlay rect.target-box");
        Assert.AreEqual(box.X - 4, double.Parse((await rect.GetAttributeAsync("x"))!, System.Globalization.CultureInfo.InvariantCulture), 0.6);
        var shown = (await rect.BoundingBoxAsync())!;
        var img = (await page.Locator(".shot img").BoundingBoxAsync())!;
        var scale = img.Width / 900.0;
        Assert.AreEqual(img.X + (box.X - 4) * scale, shown.X, 2, "the highlight sits on the button in the displayed screenshot");
        await page.ScreenshotAsync(new() { Path = Shot("dashboard-detail.png"), FullPage = true });

        await page.Locator("#approve-comment").FillAsync("Amount matches the order.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Assertions.Expect(page.Locator(".banner.ok")).ToHaveTextAsync("You approved this action.");
        await Assertions.Expect(page.Locator(".outcome")).ToContainTextAsync("Approved by alice");
        var stored = (await f.Store.FindAsync(pending.IdempotencyKey))!;
        Assert.AreEqual(ApprovalStatus.Approved, stored.Status);
        Assert.AreEqual("Amount matches the order.", stored.Comment);
        await page.ScreenshotAsync(new() { Path = Shot("dashboard-approved.png"), FullPage = true });
        await context.DisposeAsync();
    }

    [TestMethod]
    public async Task PendingList_UpdatesByItselfWhenARequestArrives()
    {
        await using var f = await DashboardFixture.StartAsync();
        var page = await s_browser.NewPageAsync();
        await page.GotoAsync(new Uri(f.Url, $"/approvals?token={DashboardFixture.BobToken}").ToString());
        await Assertions.Expect(page.Locator("#empty")).ToBeVisibleAsync();

        await f.Store.EnqueueAsync(Build.Request(step: 11), DateTimeOffset.UtcNow.AddMinutes(10), ApprovalTimeoutBehavior.Expire);

        await Assertions.Expect(page.Locator("#pending tbody tr")).ToHaveCountAsync(1, new() { Timeout = 6000 });
        await Assertions.Expect(page.Locator("#empty")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#pending-count")).ToHaveTextAsync("1");
        await page.CloseAsync();
    }

    [TestMethod]
    public async Task Reviewer_RejectsWithReasonAndEditsAreOfferedForTyping()
    {
        await using var f = await DashboardFixture.StartAsync();
        var a = await f.Store.EnqueueAsync(Build.Request(step: 5, action: new TypeTextAction(ActionTarget.Element(3, "Amount"), "420.00")),
            DateTimeOffset.UtcNow.AddMinutes(10), ApprovalTimeoutBehavior.Expire);
        var page = await s_browser.NewPageAsync();
        await page.GotoAsync(new Uri(f.Url, $"/approvals/{a.Id}?token={DashboardFixture.AliceToken}").ToString());

        await Assertions.Expect(page.Locator("#value")).ToBeDisabledAsync();
        await page.Locator("#edit").CheckAsync();
        await page.Locator("#value").FillAsync("42.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Assertions.Expect(page.Locator(".outcome")).ToContainTextAsync("Edited value: 42.00");
        Assert.AreEqual("42.00", (await f.Store.FindAsync(a.IdempotencyKey))!.EditedValue);
        await page.CloseAsync();
    }

    private static readonly byte[] MarksPng = TestPng.Make(320, 200, (10, 10, 40, 20));

    private const string PostedRefundForm = """
        <html><body style="font-family:sans-serif;margin:24px"><h2>New refund</h2>
        <form method="post" action="/refunds">
          <p><label>Amount <input name="amount" value="42.00"></label></p>
          <p><label>Reason <textarea name="reason">Duplicate charge on 2026-11-30</textarea></label></p>
          <p><label>Manager password <input type="password" name="pw" value="hunter2-manager"></label></p>
          <p><label>&lt;img src=x onerror="window.pwned=1"&gt; Note <input name="note" value="&lt;b&gt;hi&lt;/b&gt;"></label></p>
          <p><button type="submit">Submit refund</button></p>
        </form></body></html>
        """;

    [TestMethod]
    public async Task Detail_HeldRefundSubmit_ShowsTheValuesTableWithThePasswordMasked()
    {
        await using var f = await DashboardFixture.StartAsync();
        await using (var session = await ActionAgent.Browser.BrowserSessionFactory.OpenAsync(new ActionAgent.Browser.BrowserSettings(), ActionAgent.Browser.BrowserConnection.Launch))
        {
            await session.Page.SetContentAsync(PostedRefundForm);
            var observation = await session.CreatePerceiver().ObserveAsync(TestContext.CancellationToken);
            var submit = observation.Elements.Single(e => e.Name == "Submit refund");
            var approver = new ActionAgent.Browser.Approval.FormFieldsApprover(new EnqueueingApprover(f.Store), session, SecretRedaction.None);
            await approver.RequestAsync(Build.Request() with { TargetElement = submit, MarksScreenshot = MarksPng, Url = "http://127.0.0.1:5000/refunds/new?session=abc123" }, TestContext.CancellationToken);
        }

        var held = (await f.Store.ListAsync(ApprovalStatus.Pending)).Single();
        var page = await s_browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(f.Url, $"/approvals/{held.Id}?token={DashboardFixture.AliceToken}").ToString());

        await Assertions.Expect(page.Locator("#submits h2")).ToHaveTextAsync("This will submit:");
        var rows = await page.Locator("#submits tbody tr").AllInnerTextsAsync();
        var table = string.Join("\n", rows.Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\s+", " ").Trim()));
        StringAssert.Contains(table, "Amount text 42.00");
        StringAssert.Contains(table, "Reason textarea Duplicate charge on 2026-11-30");
        StringAssert.Contains(table, "Manager password password ••••••");
        StringAssert.Contains(table, "<img src=x onerror=\"window.pwned=1\"> Note text <b>hi</b>", "page text is shown as text");
        Assert.IsFalse((await page.ContentAsync()).Contains("hunter2", StringComparison.Ordinal), "the password never reaches the reviewer");
        Assert.AreEqual(0, await page.Locator("#submits img, #submits b").CountAsync(), "page text never becomes markup");
        var shownWidth = (await page.Locator("#shot-frame").BoundingBoxAsync())!.Width;
        await page.Locator("#shot-frame").ClickAsync();
        await Assertions.Expect(page.Locator("figure.shot")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("zoomed"));
        Assert.IsTrue((await page.Locator("#shot-frame").BoundingBoxAsync())!.Width >= 2 * shownWidth - 1, "a click zooms the screenshot");
        await Assertions.Expect(page.Locator("#marks-link")).ToHaveAttributeAsync("target", "_blank");
        var marks = await page.APIRequest.GetAsync(new Uri(f.Url, $"/approvals/{held.Id}/marks").ToString());
        Assert.AreEqual(200, marks.Status, "the numbered marks image is served apart");
        CollectionAssert.AreEqual(MarksPng, await marks.BodyAsync());
        await page.Locator("#shot-frame").ClickAsync();
        await Assertions.Expect(page.Locator("figure.shot")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("zoomed"));
        var shot = Shot("dashboard-submits.png");
        File.Delete(shot);
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        var png = await File.ReadAllBytesAsync(shot, TestContext.CancellationToken);
        Assert.IsTrue(png.Length > 1000 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "the page screenshot is written");

        await page.GotoAsync(new Uri(f.Url, "/history").ToString());
        await f.Store.DecideAsync(held.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new ReviewerDecision(false, "alice") { Comment = "no" });
        await page.ReloadAsync();
        var history = await page.Locator("table.list tbody tr").First.InnerTextAsync();
        StringAssert.Contains(history, "run-1:3");
        StringAssert.Contains(history, "Refund order 1042 for Ada Lovelace");
        StringAssert.Contains(history, "http://127.0.0.1:5000/refunds/new");
        Assert.IsFalse(history.Contains("session=abc123", StringComparison.Ordinal), "History shows the page without its query");
        await page.CloseAsync();
    }

    /// <summary>Puts the request in the store (as StoreApprover does) and answers at once.</summary>
    private sealed class EnqueueingApprover(IApprovalStore store) : IApprover
    {
        public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
        {
            await store.EnqueueAsync(request, DateTimeOffset.UtcNow.AddMinutes(10), ApprovalTimeoutBehavior.Expire, cancellationToken);
            return ApprovalDecision.Reject("test", "queued");
        }
    }

    private string Shot(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "actionagent-dashboard-shots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        TestContext.AddResultFile(path);
        return path;
    }
}
