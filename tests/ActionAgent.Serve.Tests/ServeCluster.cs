using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActionAgent.TestKit;

namespace ActionAgent.Serve.Tests;

/// <summary>
/// Real <c>actionagent serve</c> and <c>actionagent worker</c> processes sharing one store in a temp folder, and the HTTP
/// calls an operator or reviewer would make against them.
/// </summary>
internal sealed partial class ServeCluster : IAsyncDisposable
{
    public const string Operator = "olga-token-0123456789";
    public const string Operator2 = "otto-token-0123456789";
    public static readonly string[] Reviewers = ["rita-token-0123456789", "rob-token-01234567890", "ada-token-012345678901"];

    private readonly List<BackgroundCli> _processes = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public ServeCluster(string dir, string store)
    {
        Dir = dir;
        Store = store;
        File.WriteAllText(TokensFile, $"""
            operator olga {Operator}
            operator otto {Operator2}
            reviewer rita {Reviewers[0]}
            reviewer rob {Reviewers[1]}
            admin ada {Reviewers[2]}
            reviewer olga olga-reviews-0123456789
            """);
    }

    public string Dir { get; }

    public string Store { get; }

    public string TokensFile => Path.Combine(Dir, "tokens.txt");

    public string ApprovalsDb => Path.Combine(Dir, "approvals.db");

    public string AuditFile => Path.Combine(Dir, "audit.jsonl");

    public bool IsPostgres => Store.StartsWith("postgres", StringComparison.Ordinal);

    // With a PostgreSQL store neither --approvals-db nor --audit is given: approvals and the audit chain must then go to the
    // same database, shared by every machine.
    public string[] StoreArgs(double deadAfter = 6) =>
        ["--store", Store, .. IsPostgres ? Array.Empty<string>() : ["--approvals-db", ApprovalsDb, "--audit", AuditFile],
         "--recordings", Path.Combine(Dir, "rec"),
         "--dead-after", deadAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    public async Task<Uri> StartServeAsync(int workers)
    {
        var p = BackgroundCli.Start(Dir, ["serve", "--tokens", TokensFile, "--port", "0", "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture), .. StoreArgs()]);
        _processes.Add(p);
        var m = await p.WaitForLineAsync(ServeLine(), TimeSpan.FromSeconds(60));
        return new Uri(m.Groups["url"].Value);
    }

    public async Task<BackgroundCli> StartWorkerAsync()
    {
        var p = BackgroundCli.Start(Dir, ["worker", .. StoreArgs()]);
        _processes.Add(p);
        await p.WaitForLineAsync(WorkerLine(), TimeSpan.FromSeconds(60));
        return p;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, Uri serve, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(serve, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<string> SubmitAsync(Uri serve, string task, string url, string token = Operator)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, serve, "api/tasks", token, new { task, url, policy = "default" });
        Assert.AreEqual(HttpStatusCode.Accepted, status, body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    public async Task<List<JsonElement>> TasksAsync(Uri serve)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, serve, "api/tasks", Reviewers[2]);
        Assert.AreEqual(HttpStatusCode.OK, status, body.ToString());
        return body.GetProperty("items").EnumerateArray().ToList();
    }

    public async Task<List<JsonElement>> PendingApprovalsAsync(Uri serve)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, serve, "api/approvals?status=pending", Reviewers[0]);
        Assert.AreEqual(HttpStatusCode.OK, status, body.ToString());
        return body.GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>What every process printed, for assertion messages.</summary>
    public string Output() => string.Join("\n", _processes.Select(p => "--- stdout\n" + p.StdOut + "--- stderr\n" + p.StdErr));

    public async ValueTask DisposeAsync()
    {
        foreach (var p in _processes)
        {
            await p.DisposeAsync();
        }

        _http.Dispose();
    }

    [GeneratedRegex(@"ActionAgent serve on (?<url>http://\S+/)")]
    private static partial Regex ServeLine();

    [GeneratedRegex(@"ActionAgent worker \S+ on")]
    private static partial Regex WorkerLine();
}
