using System.Net;
using System.Text.RegularExpressions;
using ActionAgent.Approvals.Audit;
using ActionAgent.Approvals.Dashboard;
using ActionAgent.Approvals.Store;
using ActionAgent.Approvals.Tests.Fakes;

namespace ActionAgent.Approvals.Tests.Dashboard;

/// <summary>A store in a temp folder and a dashboard on a free loopback port, plus HTTP helpers that act like a browser.</summary>
public sealed partial class DashboardFixture : IAsyncDisposable
{
    public const string AliceToken = "alice-token-0123456789";
    public const string BobToken = "bob-token-0123456789abc";

    private DashboardFixture(TempDir dir, SqliteApprovalStore store, ApprovalDashboard dashboard)
    {
        Dir = dir;
        Store = store;
        Dashboard = dashboard;
    }

    public TempDir Dir { get; }

    public SqliteApprovalStore Store { get; }

    public ApprovalDashboard Dashboard { get; private set; }

    public Uri Url => Dashboard.Url;

    public static async Task<DashboardFixture> StartAsync(TempDir? dir = null, string? tokens = null)
    {
        dir ??= new TempDir();
        var store = await SqliteApprovalStore.OpenAsync(new SqliteApprovalStoreOptions { Path = dir.File("approvals.db"), OrphanAfter = TimeSpan.FromMinutes(10) });
        var dashboard = await ApprovalDashboard.StartAsync(store, Options(dir, tokens));
        return new DashboardFixture(dir, store, dashboard);
    }

    public async Task RestartAsync()
    {
        var port = Url.Port;
        await Dashboard.DisposeAsync();
        var options = Options(Dir, null);
        options.Port = port;
        Dashboard = await ApprovalDashboard.StartAsync(Store, options);
    }

    private static ApprovalDashboardOptions Options(TempDir dir, string? tokens) => new()
    {
        Port = 0,
        Tokens = ReviewerTokens.Parse(tokens ?? $"alice:{AliceToken},bob:{BobToken}"),
        Audit = new AuditLog(dir.File("audit.jsonl")),
    };

    /// <summary>A client that keeps cookies but does not follow redirects, so tests can see them.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = Url,
        };

    /// <summary>Logs in with a token link; returns the client (with the session cookie) and the page's CSRF token.</summary>
    public async Task<(HttpClient Client, string Csrf)> LoginAsync(string token)
    {
        var client = Client();
        var login = await client.GetAsync($"/approvals?token={token}");
        Assert.AreEqual(HttpStatusCode.Redirect, login.StatusCode);
        var page = await client.GetStringAsync("/approvals");
        return (client, CsrfOf(page));
    }

    public static string CsrfOf(string html) => CsrfRegex().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new AssertFailedException("no CSRF field on the page");

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    public async ValueTask DisposeAsync()
    {
        await Dashboard.DisposeAsync();
        Dir.Dispose();
    }

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfRegex();
}
