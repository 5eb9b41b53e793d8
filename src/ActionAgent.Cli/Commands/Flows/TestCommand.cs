using System.CommandLine;
using ActionAgent.Cli.Hosting;
using ActionAgent.Cli.Hosting.Flows;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Flows.Caching;
using ActionAgent.Flows.Expectations;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Reporting;
using ActionAgent.Flows.Running;
using ActionAgent.Models.Providers;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace ActionAgent.Cli.Commands.Flows;

/// <summary><c>actionagent test PATH…</c>: runs QA flows in parallel and writes JUnit XML and an HTML report.</summary>
public static class TestCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create() => Create(null);

    /// <summary>Builds the command; <paramref name="innerDecider"/> (tests) replaces the offline interpreter behind the cache.</summary>
    public static Command Create(Func<IDecider>? innerDecider)
    {
        var paths = new Argument<string[]>("paths") { Description = "Flow files or folders (*.yaml, recursively)", Arity = ArgumentArity.OneOrMore };
        var workers = new Option<int>("--workers", "-w") { Description = "Flows run at the same time, each in its own browser", DefaultValueFactory = _ => 1 };
        var tags = new Option<string[]>("--tag", "-t") { Description = "Only flows with one of these tags (repeatable)", AllowMultipleArgumentsPerToken = true };
        var shardOption = new Option<string?>("--shard") { Description = "Run only shard i of n (for example 2/3): flows sorted by file path and dealt round-robin, the same split on every machine; merge the shards' report folders with 'actionagent report --merge'" };
        var junit = new Option<string?>("--junit") { Description = "JUnit XML file, the only one written (default: <html dir>/junit.xml)" };
        var html = new Option<string?>("--html") { Description = "Folder for report.html, runs/*.html and junit.xml; it can be uploaded alone (default: test-results/)" };
        var vars = new Option<string[]>("--var") { Description = "Variable override k=v (repeatable), e.g. --var baseUrl=http://127.0.0.1:5000" };
        var cache = new Option<string?>("--cache") { Description = $"Action cache file (default: {ActionCache.DefaultPath})" };
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the action cache" };
        var models = new ModelCliOptions();
        var perceptionMode = new Option<string?>(PerceptionFactory.OptionName) { Description = "How flows see the page: dom (default for flows: fast, deterministic), vision or hybrid (DOM only when the OCR models are missing)" };
        var updateBaselines = new Option<bool>("--update-baselines") { Description = "Visual-region expectations without a baseline PNG save the current region as their baseline (and pass)" };
        var recordMarks = MarksOption.Create("drawn");
        var trace = TraceOption.Create("retain-on-failure");
        var json = new Option<bool>("--json") { Description = "Print one JSON line per finished step and flow, then one result object with every flow's steps" };
        var common = new FlowCommandOptions();
        var command = new Command("test", "Run QA flows (YAML) and write JUnit XML and an HTML report") { paths, workers, tags, junit, html, vars, cache, noCache, perceptionMode, updateBaselines, recordMarks, trace, json };
        common.AddTo(command);
        command.Add(shardOption);

        // --model, --base-url, --small-model/--large-model (with auto) and --budget-*: one budget for the whole test run.
        models.AddTo(command, withVerify: false);
        command.SetAction(async (result, ct) =>
        {
            var output = result.GetValue(json) ? OutputMode.Json : Console.IsOutputRedirected ? OutputMode.Plain : OutputMode.Terminal;
            // Variables from actionagent.json (nearest at or above the current folder); --var wins over them.
            ProjectSettings project;
            try
            {
                project = ProjectSettingsLoader.Find(Directory.GetCurrentDirectory());
            }
            catch (InvalidDataException e)
            {
                return Fail(ExitCodes.BadInput, e.Message);
            }

            var variables = new Dictionary<string, string>(project.Variables, StringComparer.Ordinal);
            foreach (var v in result.GetValue(vars) ?? [])
            {
                var eq = v.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    return Fail(ExitCodes.BadInput, $"--var takes name=value, got \"{v}\" (for example --var baseUrl=http://127.0.0.1:5000)");
                }

                variables[v[..eq].Trim()] = v[(eq + 1)..];
            }

            if (variables.TryGetValue("baseUrl", out var baseUrl) && UrlCheck.Problem(baseUrl) is { } urlProblem)
            {
                return Fail(ExitCodes.BadInput, $"baseUrl{(project.Variables.ContainsKey("baseUrl") && !result.GetValue(vars)!.Any(v => v.StartsWith("baseUrl=", StringComparison.Ordinal)) ? $" in {project.SourcePath}" : " (--var)")}: {urlProblem}");
            }

            var workerCount = result.GetValue(workers);
            if (workerCount < 1)
            {
                return Fail(ExitCodes.BadInput, $"--workers must be at least 1, got {workerCount}");
            }

            FlowShard? shard = null;
            if (result.GetValue(shardOption) is { } shardText && (shard = FlowShard.Parse(shardText, out var shardError)) is null)
            {
                return Fail(ExitCodes.BadInput, shardError!);
            }

            var (settle, settleError) = common.GetSettle(result);
            if (settleError is not null)
            {
                return Fail(ExitCodes.BadInput, settleError);
            }

            Core.Recording.MarksRecording marks;
            Browser.Tracing.TraceMode traceMode;
            try
            {
                marks = MarksOption.Parse(result.GetValue(recordMarks), Core.Recording.MarksRecording.WhenDrawn);
                traceMode = TraceOption.Parse(result.GetValue(trace), Browser.Tracing.TraceMode.RetainOnFailure);
            }
            catch (ArgumentException e)
            {
                return Fail(ExitCodes.BadInput, e.Message);
            }

            var outDir = Path.GetFullPath(result.GetValue(html) ?? "test-results");
            await using var serilog = LoggingSetup.Create(Path.Combine(RepoPaths.Root, "logs"), result.GetValue(common.Verbose));
            using var loggerFactory = new SerilogLoggerFactory(serilog);

            // The same governed pipeline as run: policy, approver, network guard, audit, declared secrets only.
            ActionAgent.Hosting.AgentPipeline pipeline;
            try
            {
                pipeline = await new PipelineFactory(common.ReadGovernance(result), loggerFactory).CreateAsync(ct);
            }
            catch (Approvals.Policies.PolicyLoadException e)
            {
                return Fail(ExitCodes.BadInput, e.Errors.Count > 0 ? string.Join(Environment.NewLine, e.Errors.Select(x => x.ToString())) : e.Message);
            }
            catch (ArgumentException e)
            {
                return Fail(ExitCodes.BadInput, e.Message);
            }

            var loaded = FlowLoader.LoadAll(result.GetValue(paths) ?? [], variables);
            loaded = CheckSecrets(loaded, pipeline.Secrets);
            loaded = CheckStartUrls(loaded, pipeline.Policy);
            if (loaded.Flows.Count == 0 && loaded.Errors.Count == 0)
            {
                return Fail(ExitCodes.BadInput, "no flow files (*.yaml, *.yml) found in the given paths");
            }

            var tagFilter = result.GetValue(tags) ?? [];
            var shardedFrom = FlowShard.Splittable(loaded, tagFilter);
            if (shard is not null)
            {
                // Split after loading and checking, so that a file that does not load is reported by one shard only.
                loaded = shard.Select(loaded, tagFilter, Directory.GetCurrentDirectory());
                var mine = FlowShard.Splittable(loaded, tagFilter);
                Console.Error.WriteLine(mine == 0
                    ? $"shard {shard}: no flows in this shard ({shardedFrom} flows in all, fewer than the shards)"
                    : $"shard {shard}: {mine} of {shardedFrom} flows");
            }

            foreach (var error in loaded.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            Browser.BrowserSettings browser;
            try
            {
                browser = common.LoadBrowser(result);
            }
            catch (Browser.BrowserSettingsException e)
            {
                return Fail(ExitCodes.BadInput, e.Message);
            }

            ActionCache actionCache;
            if (result.GetValue(noCache))
            {
                actionCache = new ActionCache();
            }
            else
            {
                try
                {
                    actionCache = ActionCache.Load(result.GetValue(cache) ?? ActionCache.DefaultPath);
                }
                catch (InvalidDataException e)
                {
                    return Fail(ExitCodes.BadInput, $"{e.Message} Delete the cache file (or pass --no-cache) and run again.");
                }
            }

            Func<IDecider> makeDecider;
            IDisposable? modelClients = null;
            if (innerDecider is not null || models.IsInterpreter(result))
            {
                makeDecider = innerDecider ?? (() => new StepInterpreter(models.InterpreterOptions(result)));
            }
            else
            {
                try
                {
                    // One decider (and one budget) for the whole suite; model deciders are stateless per call.
                    (var shared, modelClients) = models.Create(result, loggerFactory);
                    makeDecider = () => shared;
                }
                catch (Exception e) when (e is ModelConfigurationException or ArgumentException)
                {
                    return Fail(ExitCodes.BadInput, e.Message);
                }
            }

            using var modelsOwner = modelClients;

            PerceptionFactory perception;
            try
            {
                // Flows default to DOM without the pixel verifier (as before --perception existed): OCR on every step made the
                // 1-minute flow budget too tight on a loaded 2-core machine.
                perception = PerceptionFactory.Create(PerceptionFactory.Parse(result.GetValue(perceptionMode)) ?? Vision.Perception.PerceptionMode.Dom, loggerFactory, Console.Error);
            }
            catch (Exception e) when (e is ArgumentException or Vision.Ocr.OcrModelsNotFoundException)
            {
                return Fail(ExitCodes.BadInput, e.Message);
            }

            using var perceptionScope = perception;
            var options = new FlowRunnerOptions
            {
                Workers = workerCount,
                Tags = tagFilter,
                RecordingsRoot = Path.GetFullPath(result.GetValue(common.Recordings) ?? "recordings"),
                BaseUrl = variables.GetValueOrDefault("baseUrl"),
                Settle = settle,
            };
            options.Agent.RecordMarks = marks;
            var runner = new FlowRunner(
                new PlaywrightFlowSessionFactory(pipeline, browser, loggerFactory, result.GetValue(perceptionMode) is null ? null : perception, traceMode),
                _ => new CachingDecider(makeDecider(), actionCache, OpenCvFlowImaging.Instance, OpenCvFlowImaging.Instance, logger: loggerFactory.CreateLogger<CachingDecider>()),
                options,
                TimeProvider.System,
                loggerFactory)
            {
                // Visual regions, cache crops and template matching go through OpenCV.
                Checker = new ExpectationChecker(OpenCvFlowImaging.Instance, OpenCvFlowImaging.Instance, new ExpectationCheckerOptions { UpdateBaselines = result.GetValue(updateBaselines) }),
            };
            var suite = await runner.RunAsync(loaded, new FlowProgressDisplay(output), ct) with { Shard = shard, ShardedFrom = shardedFrom };
            if (!result.GetValue(noCache))
            {
                await actionCache.SaveAsync(ct);
            }

            // One JUnit file per run: --junit when given, else junit.xml in the report folder (CI globs must not count twice).
            var written = FlowReports.Write(suite, outDir, result.GetValue(junit));

            foreach (var problem in written.Problems)
            {
                Console.Error.WriteLine($"warning: {problem}");
            }

            // An empty shard (more shards than flows) is not a failure: the other shards run the flows.
            var emptyShard = shard is not null && suite.Results.Count == 0 && loaded.Errors.Count == 0;
            var exit = loaded.Errors.Count > 0 ? ExitCodes.BadInput : suite.AllPassed || emptyShard ? ExitCodes.Success : ExitCodes.RunFailed;
            if (output == OutputMode.Json)
            {
                Console.Out.WriteLine(TestJsonResult.Serialize(suite, loaded, written, exit));
                return exit;
            }

            Console.Out.WriteLine($"{suite.PassedCount} passed, {suite.FailedCount} failed ({suite.Results.Count} flows, {loaded.Errors.Count} not loaded, {suite.FilteredOut} left out by tags) in {suite.Duration.TotalSeconds:0.0} s");
            if (suite.Cache is { } stats && !result.GetValue(noCache))
            {
                Console.Out.WriteLine(stats.ToString()); // "cache: 12 hits (0 relocated), …"
            }

            foreach (var heal in suite.Heals)
            {
                Console.Out.WriteLine($"healed: \"{heal.Instruction}\" step {heal.Step}: {heal.Reason} ({heal.OldTarget} -> {heal.NewAction})");
            }

            foreach (var failed in suite.Results.Where(r => r.Status != FlowStatus.Passed))
            {
                Console.Out.WriteLine($"FAILED {failed.Flow.Name}: {failed.Message}");
                if (FlowReports.FailureScreenshotPath(failed) is { } shot && File.Exists(shot))
                {
                    Console.Out.WriteLine($"  screenshot: {shot}");
                }
            }

            Console.Out.WriteLine($"report: {written.SuiteHtml}");
            Console.Out.WriteLine($"junit: {written.JUnitXml}");
            Console.Out.WriteLine($"results: {written.Results}");
            return exit;
        });
        return command;
    }

    /// <summary>Moves flows whose secrets the policy does not declare, or that have no value, into the load errors, saying what to do.</summary>
    internal static FlowLoadResult CheckSecrets(FlowLoadResult loaded, Approvals.Secrets.SecretResolver secrets)
    {
        var flows = new List<FlowDefinition>();
        var errors = loaded.Errors.ToList();
        foreach (var flow in loaded.Flows)
        {
            var problems = flow.SecretNames.Select(secrets.Check).OfType<string>().ToList();
            if (problems.Count == 0)
            {
                flows.Add(flow);
            }
            else
            {
                errors.Add(new FlowLoadError(flow.SourcePath, $"{flow.SourcePath}: flow \"{flow.Name}\": {string.Join("; ", problems)}"));
            }
        }

        return new FlowLoadResult(flows, errors);
    }

    /// <summary>Moves flows whose start URL is malformed or refused by the policy into the load errors, before any browser starts.</summary>
    internal static FlowLoadResult CheckStartUrls(FlowLoadResult loaded, Core.Policy.PolicyDocument policy)
    {
        var flows = new List<FlowDefinition>();
        var errors = loaded.Errors.ToList();
        foreach (var flow in loaded.Flows)
        {
            if ((UrlCheck.Problem(flow.Url) ?? UrlCheck.PolicyProblem(flow.Url, policy)) is { } problem)
            {
                errors.Add(new FlowLoadError(flow.SourcePath, $"{flow.SourcePath}: flow \"{flow.Name}\": url: {problem}"));
            }
            else
            {
                flows.Add(flow);
            }
        }

        return new FlowLoadResult(flows, errors);
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
