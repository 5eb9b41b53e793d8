using System.Net;
using ActionAgent.SampleApp;

namespace ActionAgent.Cli.Tests.SampleApp;

[TestClass]
public sealed class SampleAppServerTests
{
    [TestMethod]
    public async Task StartAsync_DefaultOptions_ServesHealthOnFreeLoopbackPort()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);

        var uri = new Uri(app.BaseUrl);
        Assert.AreEqual("127.0.0.1", uri.Host);
        Assert.AreNotEqual(0, uri.Port);
        Assert.IsFalse(app.BaseUrl.EndsWith('/'), app.BaseUrl);
        Assert.AreEqual("ok", await client.GetStringAsync("/health"));
    }

    [TestMethod]
    public async Task StartAsync_TwoServers_GetDifferentPorts()
    {
        await using var first = await SampleAppServer.StartAsync();
        await using var second = await SampleAppServer.StartAsync();

        Assert.AreNotEqual(first.BaseUrl, second.BaseUrl);
    }

    [TestMethod]
    public async Task GetOrders_WithoutSession_RedirectsToLogin()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);

        using var response = await client.GetAsync("/orders");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        StringAssert.StartsWith(response.Headers.Location?.OriginalString, "/login");
    }

    [TestMethod]
    public async Task PostLogin_AfterRedirectFromRefundPage_ReturnsToRefundPage()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);

        using var redirect = await client.GetAsync("/refund?order=1042");
        var loginPage = await client.GetStringAsync(redirect.Headers.Location);
        using var login = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "ops",
            ["password"] = "ops-pass",
            ["next"] = "/refund?order=1042",
        }));

        StringAssert.Contains(loginPage, "value=\"/refund?order=1042\"");
        Assert.AreEqual("/refund?order=1042", login.Headers.Location?.OriginalString);
    }

    [TestMethod]
    public async Task PostLogin_ValidCredentials_RedirectsToOrdersAndShowsTable()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);

        using var response = await LoginAsync(client);
        var orders = await client.GetStringAsync("/orders");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/orders", response.Headers.Location?.OriginalString);
        StringAssert.Contains(orders, "<h1>Orders</h1>");
        StringAssert.Contains(orders, ">Order 1042</a>");
        StringAssert.Contains(orders, "Grace Hopper");
        StringAssert.Contains(orders, "placeholder=\"Search orders\"");
    }

    [TestMethod]
    public async Task PostLogin_WrongPassword_ShowsErrorAndStaysSignedOut()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);

        using var response = await LoginAsync(client, password: "wrong");
        var body = await response.Content.ReadAsStringAsync();
        using var orders = await client.GetAsync("/orders");

        StringAssert.Contains(body, "Invalid username or password");
        Assert.AreEqual(HttpStatusCode.Redirect, orders.StatusCode);
    }

    [TestMethod]
    public async Task GetOrders_WithQuery_ShowsOnlyMatchingOrders()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);
        (await LoginAsync(client)).Dispose();

        var page = await client.GetStringAsync("/orders?q=Grace");

        StringAssert.Contains(page, "Order 1041");
        Assert.IsFalse(page.Contains("Order 1042", StringComparison.Ordinal), "Order 1042 (Alan Turing) should be filtered out.");
    }

    [TestMethod]
    public async Task PostRefund_ValidForm_RecordsOneRefundAndShowsConfirmation()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);
        (await LoginAsync(client)).Dispose();

        using var response = await PostRefundAsync(client, amount: "25.50", reason: "Damaged item");
        var location = response.Headers.Location?.OriginalString;
        var confirmation = await client.GetStringAsync(location);

        Assert.AreEqual("/refund/confirmation?id=R-0001", location);
        var refund = app.State.Refunds.Single();
        Assert.AreEqual(new RefundRecord("R-0001", "1042", 25.50m, "2025-03-20", "Damaged item", "Store credit", refund.Options, "Box was crushed"), refund);
        CollectionAssert.AreEqual(new[] { "Express", "Notify customer" }, refund.Options.ToArray());
        StringAssert.Contains(confirmation, "Refund filed");
        StringAssert.Contains(confirmation, "$25.50");
        StringAssert.Contains(confirmation, "Express, Notify customer");
    }

    [TestMethod]
    public async Task PostRefund_MissingAmountAndReason_ShowsValidationAndRecordsNothing()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);
        (await LoginAsync(client)).Dispose();

        using var response = await PostRefundAsync(client, amount: "", reason: "");
        var body = await response.Content.ReadAsStringAsync();

        StringAssert.Contains(body, "The refund was not submitted.");
        StringAssert.Contains(body, "Amount is required.");
        StringAssert.Contains(body, "Reason is required.");
        Assert.AreEqual(0, app.State.Refunds.Count);
    }

    [TestMethod]
    public async Task GetRefund_AlternateLayout_RenamesLabelsAndSubmitButton()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);
        (await LoginAsync(client)).Dispose();

        var standard = await client.GetStringAsync("/refund?order=1042");
        app.AlternateLayout = true;
        var alternate = await client.GetStringAsync("/refund?order=1042");

        StringAssert.Contains(standard, ">Submit refund</button>");
        StringAssert.Contains(alternate, ">Send refund request</button>");
        Assert.IsFalse(alternate.Contains("Submit refund", StringComparison.Ordinal), "The alternate layout still says Submit refund.");
        StringAssert.Contains(alternate, ">Refund amount</label>");
        StringAssert.Contains(alternate, ">Comments</label>");
        Assert.IsTrue(alternate.IndexOf(">Comments<", StringComparison.Ordinal) < alternate.IndexOf(">Reason<", StringComparison.Ordinal),
            "Comments should come before Reason in the alternate layout.");
        StringAssert.Contains(alternate, "value=\"1042\"");
    }

    [TestMethod]
    public async Task PostCustomerDelete_KnownCustomer_RecordsDeletionAndHidesRow()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);
        (await LoginAsync(client)).Dispose();

        using var response = await client.PostAsync("/api/customers/Grace%20Hopper/delete", content: null);
        var customers = await client.GetStringAsync("/customers");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        CollectionAssert.AreEqual(new[] { "Grace Hopper" }, app.State.DeletedCustomers.ToArray());
        Assert.IsFalse(customers.Contains("Grace Hopper", StringComparison.Ordinal), "Deleted customer still listed.");
        StringAssert.Contains(customers, "Ada Lovelace");
    }

    [TestMethod]
    public async Task PostCanvasClick_KnownLabelRecorded_UnknownLabelRejected()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);
        (await LoginAsync(client)).Dispose();

        using var export = await client.PostAsync("/api/canvas-click", Json("""{"label":"Export"}"""));
        using var bogus = await client.PostAsync("/api/canvas-click", Json("""{"label":"Delete"}"""));

        StringAssert.Contains(await export.Content.ReadAsStringAsync(), "Export started");
        Assert.AreEqual(HttpStatusCode.BadRequest, bogus.StatusCode);
        CollectionAssert.AreEqual(new[] { "Export" }, app.State.CanvasClicks.ToArray());
    }

    [TestMethod]
    public async Task GetAsset_StylesheetFromEmbeddedResource_IsServed()
    {
        await using var app = await SampleAppServer.StartAsync();
        using var client = NewClient(app);

        using var css = await client.GetAsync("/assets/site.css");
        using var js = await client.GetAsync("/assets/app.js");

        Assert.AreEqual(HttpStatusCode.OK, css.StatusCode);
        Assert.AreEqual("text/css", css.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains(await js.Content.ReadAsStringAsync(), "aa-priority-picker");
    }

    private static HttpClient NewClient(SampleAppServer app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string password = "ops-pass") =>
        client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "ops",
            ["password"] = password,
        }));

    private static Task<HttpResponseMessage> PostRefundAsync(HttpClient client, string amount, string reason) =>
        client.PostAsync("/refund", new FormUrlEncodedContent(
        [
            new("order", "1042"),
            new("amount", amount),
            new("date", "2025-03-20"),
            new("reason", reason),
            new("method", "Store credit"),
            new("options", "Express"),
            new("options", "Notify customer"),
            new("notes", "Box was crushed"),
        ]));
}
