using System.Diagnostics;
using System.Globalization;
using ActionAgent.Eval;

// Held-out evaluation of ActionAgent on third-party pages. See docs/eval.md.
if (args.FirstOrDefault() == "skills")
{
    // Skill picking and filling over eval/goals/corpus.yaml (no browser); see docs/eval.md.
    return ActionAgent.Eval.Skills.SkillsEvalRunner.Run(args[1..]);
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(EvalOptions.Usage);
    return 0;
}

EvalOptions options;
IReadOnlyList<EvalTask> tasks;
try
{
    options = EvalOptions.Parse(args);
    tasks = TaskFile.Load(options.TasksPath);
}
catch (Exception e) when (e is ArgumentException or InvalidDataException or YamlDotNet.Core.YamlException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(EvalOptions.Usage);
    return 2;
}

IEvalAgent agent = options.Agent switch
{
    "null" => new NullAgent(),
    "reference" => new ReferenceAgent(),
    _ => new CliAgent(options),
};

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var clock = Stopwatch.StartNew();
try
{
    await using var server = StaticFileServer.Start(options.PagesRoot);
    Console.WriteLine($"serving {options.PagesRoot} on {server.BaseUrl}; agent {agent.Name}; {tasks.Count} tasks in {options.TasksPath}");
    var results = await new EvalRunner(options, agent, Console.Out).RunAsync(tasks, server.BaseUrl, cancel.Token);
    var stem = string.Create(CultureInfo.InvariantCulture, $"{options.Agent}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
    var md = ResultWriter.Write(options.ResultsFolder, stem, options, results, clock.Elapsed);
    Console.WriteLine(ResultWriter.Summary(options.Agent, results));
    Console.WriteLine($"results: {md} (+ .json)");
    return 0;
}
catch (Exception e) when (e is ArgumentException or InvalidDataException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
