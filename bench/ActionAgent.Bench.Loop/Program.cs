// Loop overhead benchmark: the agent loop's own cost per step (observe + policy + execute + verify + recording,
// everything but the decider) on the sample app's refund form, against a hand-written Playwright script doing the
// same actions. Every step goes through the DomEffectVerifier (a field reads what was typed, a box is checked, the
// option is selected), and the interpreter's decision + verification time per step is reported. Usage: dotnet run -c Release --project bench/ActionAgent.Bench.Loop [-- --runs N]
using System.Diagnostics;
using ActionAgent.Browser;
using ActionAgent.Browser.Execution;
using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Hosting;
using ActionAgent.SampleApp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
const string Task = "Enter 42.00 into Amount. Set the Refund date to 2026-11-20. Select Damaged item from the Reason list. " +
                    "Choose Store credit. Check Express. Check Notify customer. Type \"Box arrived crushed\" into Notes.";
const int Actions = 7;

await using var app = await SampleAppServer.StartAsync();
var settings = BrowserSettingsLoader.Load(Path.Combine(FindRoot(), "playwright.config.json"));
await using var session = await BrowserSessionFactory.OpenAsync(settings, BrowserConnection.Launch, NullLoggerFactory.Instance);
var page = session.Page;
await LoginAsync(page, app.BaseUrl);

var loopOverheads = new List<double>();
var observeMs = new List<double>();
var executeMs = new List<double>();
var verifyMs = new List<double>();
var decideMs = new List<double>();
var decideVerifyMs = new List<double>();
var checkedSteps = 0;
var allSteps = 0;
var scriptPerAction = new List<double>();
var recordings = Directory.CreateTempSubdirectory("aa-bench-").FullName;
var pipeline = AgentPipeline.Create(new AgentPipelineOptions
{
    Policy = PolicyDocument.Default,
    AuditPath = Path.Combine(recordings, "audit.jsonl"),
    Approver = AutoApprover.ApproveAll,
});

// One governed session for the browser session: disposing it seals the context (nothing a page sends afterwards
// leaves), so it lives as long as the browser and each run gets its own loop.
await using var governed = await pipeline.GovernAsync(session, "bench", Task);
for (var i = 0; i < runs + 1; i++)
{
    // Hand-written script: the same seven actions with Playwright locators.
    await page.GotoAsync(app.BaseUrl + "/refund?order=1042");
    var sw = Stopwatch.StartNew();
    await page.GetByLabel("Amount").FillAsync("42.00");
    await page.GetByLabel("Refund date").FillAsync("2026-11-20");
    await page.GetByLabel("Reason").SelectOptionAsync(new SelectOptionValue { Label = "Damaged item" });
    await page.GetByLabel("Store credit").CheckAsync();
    await page.GetByLabel("Express").CheckAsync();
    await page.GetByLabel("Notify customer").CheckAsync();
    await page.GetByLabel("Notes").FillAsync("Box arrived crushed");
    var script = sw.Elapsed.TotalMilliseconds / Actions;

    // The agent loop with the offline interpreter.
    await page.GotoAsync(app.BaseUrl + "/refund?order=1042");
    // The governed pipeline every entry point uses (policy, audit, network guard, secrets, the DOM effect verifier),
    // so the figure is what users get.
    var loop = governed.CreateLoop(session.CreatePerceiver(), new StepInterpreter(), new JsonRunRecorder(recordings), new AgentOptions());
    var wall = Stopwatch.StartNew();
    var result = await loop.RunAsync(new RunRequest(Task) { RunId = $"bench-{i}" });
    wall.Stop();
    if (result.Status != RunStatus.Completed)
    {
        Console.Error.WriteLine($"run {i} did not complete: {result.Message}");
        return 1;
    }

    var recorded = RunRecording.Load(Path.Combine(recordings, $"bench-{i}")).Steps;
    var steps = recorded.Where(s => !s.Proposal.Action.IsTerminal && s.Outcome.Succeeded).ToList();
    if (steps.Count != Actions)
    {
        Console.Error.WriteLine($"run {i} took {steps.Count} action steps, expected {Actions}");
        return 1;
    }
    if (i == 0)
    {
        continue; // warm-up
    }

    // Everything the run cost (state machine, observation, policy, execution, verification, recording with its
    // screenshots, the final observation before "done") except the decider's own time, per action.
    var loopPerAction = (wall.Elapsed.TotalMilliseconds - recorded.Sum(s => s.Durations.DecideMs)) / Actions;
    loopOverheads.Add(loopPerAction - script);
    observeMs.AddRange(steps.Select(x => x.Durations.ObserveMs));
    executeMs.AddRange(steps.Select(x => x.Durations.ExecuteMs));
    verifyMs.AddRange(steps.Select(x => x.Durations.VerifyMs));
    decideMs.AddRange(steps.Select(x => x.Durations.DecideMs));
    decideVerifyMs.AddRange(steps.Select(x => x.Durations.DecideMs + x.Durations.VerifyMs));
    checkedSteps += steps.Count(x => x.Outcome.Checks is { Count: > 0 });
    allSteps += steps.Count;

    scriptPerAction.Add(script);
}

double Median(List<double> xs) { var s = xs.Order().ToList(); return s.Count == 0 ? double.NaN : s[s.Count / 2]; }
var loopPerStep = Median(loopOverheads) + Median(scriptPerAction);
Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"runs: {runs} x {Actions} actions, viewport {settings.Viewport.Width}x{settings.Viewport.Height}");
Console.WriteLine($"hand-written Playwright: median {Median(scriptPerAction):0.0} ms per action");
Console.WriteLine($"agent loop (no decider): median {loopPerStep:0.0} ms per step");
Console.WriteLine($"median overhead per step: {Median(loopOverheads):0.0} ms (target <= 150 ms); ratio {loopPerStep / Median(scriptPerAction):0.0}x");
Console.WriteLine($"per step medians: observe {Median(observeMs):0.0} ms, execute {Median(executeMs):0.0} ms, verify {Median(verifyMs):0.0} ms");
Console.WriteLine($"interpreter decide + verify: median {Median(decideVerifyMs):0.0} ms per step (decide {Median(decideMs):0.0} ms; target <= 50 ms on top of observation); steps confirmed by a check: {checkedSteps} of {allSteps}");
Directory.Delete(recordings, true);
return 0;

static async Task LoginAsync(IPage page, string baseUrl)
{
    await page.GotoAsync(baseUrl + "/login");
    await page.GetByLabel("Username").FillAsync("ops");
    await page.GetByLabel("Password").FillAsync("ops-pass");
    await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    await page.WaitForURLAsync("**/orders");
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "ActionAgent.sln"))) return d.FullName;
    }
    return Directory.GetCurrentDirectory();
}
