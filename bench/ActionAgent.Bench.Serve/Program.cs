// Task-service benchmark: real `actionagent serve` (no in-process worker) and 1, 2, 3 `actionagent worker` processes on one
// machine, on the embedded SQLite store and on PostgreSQL (a throw-away cluster, as in the tests), running
// "Sign in … Open Order 1042" on the sample app (offline interpreter, one Chromium per task).
// Prints tasks per minute per worker count (submit all, wait for all to end) and the queue's own overhead per task:
// submit → start with an idle worker, median of --samples.
// Usage: dotnet run -c Release --project bench/ActionAgent.Bench.Serve [-- --tasks 6 --samples 3 --stores sqlite,postgres]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActionAgent.SampleApp;
using ActionAgent.TestKit;

const string Token = "bench-operator-0123456789";
const string Task = "Sign in with username ops and password ops-pass. Open Order 1042.";
var tasks = Arg("--tasks", 6);
var samples = Arg("--samples", 3);
var stores = (ArgText("--stores") ?? "sqlite,postgres").Split(',');
await using var app = await SampleAppServer.StartAsync();
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
Console.WriteLine($"{Environment.ProcessorCount} cores; {tasks} tasks per measurement; task: {Task}");

foreach (var kind in stores)
{
    PostgresServer? pg = null;
    if (kind == "postgres")
    {
        (pg, var reason) = await PostgresServer.StartAsync();
        if (pg is null)
        {
            Console.WriteLine($"postgres: skipped ({reason})");
            continue;
        }
    }

    try
    {
        foreach (var workers in new[] { 1, 2, 3 })
        {
            var dir = Directory.CreateTempSubdirectory("aa-bench-serve-").FullName;
            var store = pg is null ? "sqlite:" + Path.Combine(dir, "serve.db") : await FreshDatabaseAsync(pg, workers);
            await File.WriteAllTextAsync(Path.Combine(dir, "tokens.txt"), $"operator bench {Token}\nreviewer rev rev-token-0123456789012\n");
            string[] storeArgs = ["--store", store, "--approvals-db", Path.Combine(dir, "approvals.db"), "--audit", Path.Combine(dir, "audit.jsonl"), "--recordings", Path.Combine(dir, "rec")];
            await using var serve = BackgroundCli.Start(dir, ["serve", "--tokens", Path.Combine(dir, "tokens.txt"), "--port", "0", "--workers", "0", .. storeArgs]);
            var url = new Uri((await serve.WaitForLineAsync(new Regex(@"serve on (?<u>http://\S+/)"), TimeSpan.FromSeconds(60))).Groups["u"].Value);
            var procs = new List<BackgroundCli>();
            for (var i = 0; i < workers; i++)
            {
                var w = BackgroundCli.Start(dir, ["worker", .. storeArgs]);
                await w.WaitForLineAsync(new Regex("ActionAgent worker"), TimeSpan.FromSeconds(60));
                procs.Add(w);
            }

            // Overhead first, with idle workers: one task at a time, submit → started.
            var delays = new List<double>();
            for (var i = 0; i < (workers == 1 ? samples : 0); i++)
            {
                var id = await SubmitAsync(url);
                var t = await WaitEndedAsync(url, [id]);
                delays.Add(t[0].GetProperty("startDelayMs").GetDouble());
            }

            var clock = Stopwatch.StartNew();
            var ids = new List<string>();
            for (var i = 0; i < tasks; i++)
            {
                ids.Add(await SubmitAsync(url));
            }

            var ended = await WaitEndedAsync(url, ids);
            clock.Stop();
            var ok = ended.Count(t => t.GetProperty("status").GetString() == "completed");
            var perMinute = tasks / clock.Elapsed.TotalMinutes;
            var overhead = delays.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
                $"; submit→start with an idle worker: median {Median(delays):F0} ms (samples {string.Join(", ", delays.Select(d => d.ToString("F0", CultureInfo.InvariantCulture)))})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-8} workers {workers}: {perMinute,5:F1} tasks/min ({tasks} in {clock.Elapsed.TotalSeconds:F0} s, {ok} completed)") + overhead);
            foreach (var w in procs)
            {
                await w.DisposeAsync();
            }

            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
    finally
    {
        if (pg is not null)
        {
            await pg.DisposeAsync();
        }
    }
}

async Task<string> SubmitAsync(Uri url)
{
    using var content = new StringContent(JsonSerializer.Serialize(new { task = Task, url = app.BaseUrl + "/login" }), Encoding.UTF8, "application/json");
    using var r = await http.PostAsync(new Uri(url, "api/tasks"), content);
    var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
    return r.IsSuccessStatusCode ? body.GetProperty("id").GetString()! : throw new InvalidOperationException(body.ToString());
}

async Task<List<JsonElement>> WaitEndedAsync(Uri url, List<string> ids)
{
    var until = DateTime.UtcNow.AddMinutes(15);
    while (DateTime.UtcNow < until)
    {
        var items = JsonDocument.Parse(await http.GetStringAsync(new Uri(url, "api/tasks"))).RootElement.GetProperty("items").EnumerateArray()
            .Where(t => ids.Contains(t.GetProperty("id").GetString()!)).Select(t => t.Clone()).ToList();
        if (items.Count == ids.Count && items.All(t => t.GetProperty("status").GetString() is "completed" or "failed" or "cancelled"))
        {
            return items;
        }

        await System.Threading.Tasks.Task.Delay(250);
    }

    throw new TimeoutException("tasks did not end within 15 minutes");
}

// Each measurement gets its own PostgreSQL database, so no queue or task table carries over.
static async Task<string> FreshDatabaseAsync(PostgresServer pg, int n)
{
    await using var db = new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={pg.Port};Username=postgres;Database=postgres");
    await db.OpenAsync();
    await using var cmd = db.CreateCommand();
    cmd.CommandText = $"CREATE DATABASE bench{n}";
    await cmd.ExecuteNonQueryAsync();
    return $"postgres://postgres@127.0.0.1:{pg.Port}/bench{n}";
}

static double Median(List<double> values)
{
    var s = values.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

int Arg(string name, int fallback) => ArgText(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
