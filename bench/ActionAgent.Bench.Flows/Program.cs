// Flows benchmark on the sample app in headless Chromium:
//  (1) replaying a recorded flow (actionagent replay) and running it from a warm action cache (actionagent test, 0 model
//      calls) vs a hand-written Playwright script doing the same actions; each includes launching its own browser.
//  (2) flows per minute with 1, 2 and 4 workers (the three sample flows, repeated, offline interpreter + warm cache).
// Usage: dotnet run -c Release --project bench/ActionAgent.Bench.Flows [-- --runs N --copies M --settle-ms MS --replay-settle-ms MS --trace]
//   --trace: log every step with millisecond timestamps (where the time goes), to standard error
using System.Diagnostics;
using System.Globalization;
using ActionAgent.Cli.Hosting.Flows;
using ActionAgent.Browser;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Approvals.Policies;
using ActionAgent.Hosting;
using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Expectations;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Replay;
using ActionAgent.Flows.Running;
using ActionAgent.SampleApp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serilog;
using Serilog.Extensions.Logging;
using Microsoft.Playwright;

var runs = Arg("--runs", 5);
var copies = Arg("--copies", 2);
var root = FindRoot();
ILoggerFactory logs = args.Contains("--trace")
    ? new SerilogLoggerFactory(new LoggerConfiguration().MinimumLevel.Debug()
        .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {SourceContext} {Message:lj}{NewLine}", standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose)
        .CreateLogger(), dispose: true)
    : NullLoggerFactory.Instance;
Environment.SetEnvironmentVariable("ACTIONAGENT_SECRET_OPS_PASSWORD", "ops-pass");
await using var app = await SampleAppServer.StartAsync();
var settings = BrowserSettingsLoader.Load(Path.Combine(root, "playwright.config.json"));
if (Arg("--settle-ms", -1) is >= 0 and var settle)
{
    settings.Timeouts.SettleMs = settle; // how long the executor waits for the page to go quiet after an action
}

var work = Directory.CreateTempSubdirectory("aa-bench-flows-").FullName;
// Exactly what actionagent test uses: the governed pipeline with the repository's default policy (it declares OPS_PASSWORD).
var pipeline = AgentPipeline.Create(new AgentPipelineOptions
{
    Policy = PolicyLoader.Load(Path.Combine(root, "policies", "default.yaml")),
    AuditPath = Path.Combine(work, "audit.jsonl"),
    Approver = AutoApprover.ApproveAll,
});
var sessions = new PlaywrightFlowSessionFactory(pipeline, settings, logs);
var vars = new Dictionary<string, string> { ["baseUrl"] = app.BaseUrl };
var signIn = FlowLoader.Load(Path.Combine(root, "flows", "sign-in-and-search.yaml"), vars);

// Wired like the CLI's `test` and `replay`: OpenCV for crops, template matching, visual regions and screen drift.
FlowRunner Runner(ActionCache cache, int workers, string recordings) => new(
    sessions, _ => new CachingDecider(new StepInterpreter(), cache, OpenCvFlowImaging.Instance, OpenCvFlowImaging.Instance),
    new FlowRunnerOptions { Workers = workers, RecordingsRoot = recordings, BaseUrl = app.BaseUrl }, TimeProvider.System, logs)
{
    Checker = new ExpectationChecker(OpenCvFlowImaging.Instance, OpenCvFlowImaging.Instance),
};

// Record the flow once (fills the cache, writes the recording that is replayed).
var cache = new ActionCache();
var recorded = await Runner(cache, 1, Path.Combine(work, "rec")).RunAsync(new FlowLoadResult([signIn], []));
if (!recorded.AllPassed)
{
    Console.Error.WriteLine("recording run failed: " + recorded.Results[0].Message);
    return 1;
}

var recording = recorded.Results[0].RecordingPath!;
var replayer = new ReplayRunner(sessions,
    new ReplayOptions { RecordingsRoot = null, Settle = Arg("--replay-settle-ms", -1) is >= 0 and var rs ? TimeSpan.FromMilliseconds(rs) : new ReplayOptions().Settle }, TimeProvider.System, logs)
{
    Comparer = new OpenCvFlowImaging(diffImages: false),
    Matcher = OpenCvFlowImaging.Instance,
};

var script = new List<double>();
var replay = new List<double>();
var cached = new List<double>();
for (var i = 0; i <= runs; i++)
{
    var sw = Stopwatch.StartNew();
    await HandWrittenAsync(settings, app.BaseUrl);
    var s = sw.Elapsed.TotalMilliseconds;

    sw.Restart();
    var report = await replayer.RunAsync(recording);
    var r = sw.Elapsed.TotalMilliseconds;
    if (report.ExitCode != 0)
    {
        Console.Error.WriteLine("replay drifted: " + report.Summary);
        return 1;
    }

    sw.Restart();
    var suite = await Runner(cache, 1, Path.Combine(work, "cached")).RunAsync(new FlowLoadResult([signIn], []));
    var c = sw.Elapsed.TotalMilliseconds;
    if (!suite.AllPassed || suite.Cache is { Misses: > 0 })
    {
        Console.Error.WriteLine($"cached run: {suite.Results[0].Message} ({suite.Cache})");
        return 1;
    }

    if (i > 0)
    {
        script.Add(s);
        replay.Add(r);
        cached.Add(c);
    }
}

Console.WriteLine($"sign-in-and-search ({signIn.Steps.Count} steps), median of {runs} runs, each with its own browser launch:");
Console.WriteLine($"  hand-written Playwright script: {Median(script):0} ms");
Console.WriteLine($"  actionagent replay:             {Median(replay):0} ms  ({Median(replay) / Median(script):0.00}x, target <= 1.3x)");
Console.WriteLine($"  actionagent test, warm cache:   {Median(cached):0} ms  ({Median(cached) / Median(script):0.00}x, includes the 6 expectation checks)");

// (2) Throughput: the three sample flows, `copies` times each, warm cache (the refund flow submits a refund each time).
var all = FlowLoader.LoadAll([Path.Combine(root, "flows")], vars);
var batch = Enumerable.Range(0, copies).SelectMany(_ => all.Flows).ToList();
if (batch.Count == 0)
{
    Directory.Delete(work, true);
    return 0; // --copies 0: only the replay comparison
}

await Runner(cache, 1, Path.Combine(work, "warm")).RunAsync(new FlowLoadResult(all.Flows, []));
foreach (var workers in new[] { 1, 2, 4 })
{
    var sw = Stopwatch.StartNew();
    var suite = await Runner(cache, workers, Path.Combine(work, $"w{workers}")).RunAsync(new FlowLoadResult(batch, []));
    var minutes = sw.Elapsed.TotalMinutes;
    Console.WriteLine($"  {workers} worker(s): {batch.Count} flows in {sw.Elapsed.TotalSeconds:0.0} s = {batch.Count / minutes:0.0} flows/min ({suite.PassedCount} passed)");
    foreach (var failed in suite.Results.Where(r => !r.Passed))
    {
        Console.WriteLine($"    failed: {failed.Flow.Name}: {failed.Message}");
    }
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores");
Directory.Delete(work, true);
return 0;

static async Task HandWrittenAsync(BrowserSettings settings, string baseUrl)
{
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = settings.ExecutablePath,
        Headless = true,
        Args = [.. settings.Args],
    });
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = settings.Viewport.Width, Height = settings.Viewport.Height } });
    var page = await context.NewPageAsync();
    await page.GotoAsync(baseUrl + "/login");
    await page.GetByLabel("Username").FillAsync("ops");
    await page.GetByLabel("Password").FillAsync("ops-pass");
    await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    await page.WaitForURLAsync("**/orders");
    await page.GetByLabel("Search orders").FillAsync("1042");
    await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
    await page.GetByRole(AriaRole.Link, new() { Name = "Order 1042" }).ClickAsync();
    await page.WaitForURLAsync("**/orders/1042");
}

static double Median(List<double> xs)
{
    var s = xs.Order().ToList();
    return s.Count == 0 ? double.NaN : s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "ActionAgent.sln")))
        {
            return d.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
