using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ActionAgent.Eval;

/// <summary>
/// Runs tasks one by one: fresh Chromium (own profile, so storage never leaks between tasks), open the start
/// page, run setup, let the agent act in that same page over CDP, then score the check in the page.
/// </summary>
public sealed class EvalRunner(EvalOptions options, IEvalAgent agent, TextWriter log)
{
    /// <summary>Runs every task that matches the filter and returns their results in file order.</summary>
    public async Task<IReadOnlyList<TaskResult>> RunAsync(IReadOnlyList<EvalTask> tasks, string baseUrl, CancellationToken cancellationToken = default)
    {
        var filter = options.Filter.Length > 0 ? new Regex(options.Filter, RegexOptions.IgnoreCase) : null;
        var chosen = tasks.Where(t => filter is null || filter.IsMatch(t.Id) || filter.IsMatch(t.Category) || filter.IsMatch(t.Page)).ToList();
        if (chosen.Count == 0)
        {
            throw new ArgumentException($"--filter '{options.Filter}' matches no task id, category or page");
        }

        using var playwright = await Playwright.CreateAsync();
        ChromiumInstance? chromium = null;
        var results = new List<TaskResult>();
        try
        {
            foreach (var task in chosen)
            {
                // One Chromium for the run (starting one per task costs seconds on a loaded machine); storage of
                // the pages' origin is wiped before every task so no task sees another's data.
                chromium ??= await ChromiumInstance.StartAsync(options.Chromium, cancellationToken);
                TaskResult result;
                try
                {
                    result = await RunOneAsync(playwright, chromium, task, baseUrl, cancellationToken);
                }
                catch (PlaywrightException e)
                {
                    // A crashed or wedged browser: record it, and start a fresh one for the next task.
                    result = Result(task, false, null, new AgentRun("HarnessError", null, $"browser: {e.Message.Split('\n')[0]}", 0));
                    chromium.Dispose();
                    chromium = null;
                }

                results.Add(result);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{results.Count,3}/{chosen.Count}] {(result.Passed ? "pass" : "FAIL")} {task.Id,-9} claimed={result.ClaimedStatus,-9} exit={result.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-",-2} {result.Seconds,5:0.0}s{(result.FalseCompletion ? "  FALSE-COMPLETION" : "")}  {Short(result.CheckError ?? result.Message)}"));
            }
        }
        finally
        {
            chromium?.Dispose();
        }

        return results;
    }

    private async Task<TaskResult> RunOneAsync(IPlaywright playwright, ChromiumInstance chromium, EvalTask task, string baseUrl, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var browser = await playwright.Chromium.ConnectOverCDPAsync(chromium.CdpUrl);
        try
        {
            var context = browser.Contexts.Count > 0 ? browser.Contexts[0] : await browser.NewContextAsync();
            var page = await FreshPageAsync(context, baseUrl);
            try
            {
                await page.GotoAsync(baseUrl + task.Path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 20000 });
                await page.WaitForTimeoutAsync(300);
                await StepRunner.RunAsync(page, task.Setup, cancellationToken);
            }
            catch (Exception e) when (e is PlaywrightException or InvalidOperationException or TimeoutException)
            {
                return Result(task, false, null, new AgentRun("HarnessError", null, $"setup failed: {e.Message.Split('\n')[0]}", clock.Elapsed.TotalSeconds));
            }

            var run = await agent.RunAsync(task, page, chromium.CdpUrl, cancellationToken);

            // The agent acts in the harness's page; if it opened another tab, score the newest one.
            var scored = page.IsClosed ? context.Pages.LastOrDefault() : page;
            if (scored is null)
            {
                return Result(task, false, "the agent closed every page", run);
            }

            await WaitQuietAsync(scored);
            var (passed, error) = await CheckEvaluator.EvaluateAsync(scored, task.Check);
            return Result(task, passed, error, run);
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    /// <summary>Leaves exactly one blank page (the one the CLI will pick: first page of the first context) and wipes the origin's storage.</summary>
    private static async Task<IPage> FreshPageAsync(IBrowserContext context, string baseUrl)
    {
        var page = await context.NewPageAsync();
        foreach (var other in context.Pages.Where(p => p != page).ToList())
        {
            await other.CloseAsync();
        }

        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Storage.clearDataForOrigin", new Dictionary<string, object> { ["origin"] = baseUrl, ["storageTypes"] = "all" });
        await cdp.DetachAsync();
        return page;
    }

    private static async Task WaitQuietAsync(IPage page)
    {
        try
        {
            await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 5000 });
        }
        catch (TimeoutException)
        {
            // Score what is there.
        }
        catch (PlaywrightException)
        {
            // Same.
        }
    }

    private static TaskResult Result(EvalTask task, bool passed, string? error, AgentRun run) =>
        new(task.Id, task.Category, task.Page, task.Instruction, passed, error, run.ClaimedStatus, run.ExitCode, run.Message, Math.Round(run.Seconds, 1), run.Steps);

    private static string Short(string text)
    {
        var flat = text.Replace('\n', ' ').Trim();
        return flat.Length > 110 ? flat[..107] + "..." : flat;
    }
}
