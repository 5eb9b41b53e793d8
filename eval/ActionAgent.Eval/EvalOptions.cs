namespace ActionAgent.Eval;

/// <summary>Settings of one eval run; every path is absolute once <see cref="Parse"/> returns.</summary>
public sealed class EvalOptions
{
    /// <summary>null, reference or actionagent. Default: actionagent.</summary>
    public string Agent { get; set; } = "actionagent";

    /// <summary>Regex on task id or category; empty runs every task.</summary>
    public string Filter { get; set; } = "";

    /// <summary>The repository root (working folder of the CLI). Default: found upward from the current folder.</summary>
    public string RepoRoot { get; set; } = "";

    /// <summary>The task file. Default: eval/tasks/tasks.yaml.</summary>
    public string TasksPath { get; set; } = "";

    /// <summary>The folder served on 127.0.0.1. Default: eval/.cache/node_modules.</summary>
    public string PagesRoot { get; set; } = "";

    /// <summary>actionagent.dll. Default: src/ActionAgent.Cli/bin/Release/net10.0/actionagent.dll in the repository.</summary>
    public string CliPath { get; set; } = "";

    /// <summary>Policy given to the CLI. Default: eval/policy.yaml.</summary>
    public string PolicyPath { get; set; } = "";

    /// <summary>Where results go. Default: eval/results.</summary>
    public string ResultsFolder { get; set; } = "";

    /// <summary>Folder for the CLI's recordings and audit log, kept for diagnosis. Default: eval/results/work-AGENT-TIME.</summary>
    public string WorkFolder { get; set; } = "";

    /// <summary>Chromium binary. Default: /usr/bin/chromium.</summary>
    public string Chromium { get; set; } = "/usr/bin/chromium";

    /// <summary>--max-steps for the CLI. Default: 12.</summary>
    public int MaxSteps { get; set; } = 12;

    /// <summary>--step-timeout (seconds) for the CLI. Default: 10.</summary>
    public int StepTimeoutSeconds { get; set; } = 10;

    /// <summary>Wall time one task may take before the CLI is killed (seconds). Default: 45 (process start and browser attach alone take 5-10 s on a loaded machine).</summary>
    public int TaskTimeoutSeconds { get; set; } = 45;

    /// <summary>A label written into the results (e.g. first-run). Default: the agent name.</summary>
    public string Label { get; set; } = "";

    /// <summary>Usage text for --help and bad input.</summary>
    public const string Usage =
        "usage: actionagent-eval [--agent null|reference|actionagent] [--filter REGEX] [--cli PATH] [--tasks FILE] [--root DIR]\n" +
        "                        [--policy FILE] [--results DIR] [--chromium PATH] [--max-steps N] [--step-timeout S] [--task-timeout S] [--label TEXT]";

    /// <summary>Parses the command line; bad input throws <see cref="ArgumentException"/> with a one-line reason.</summary>
    public static EvalOptions Parse(string[] args)
    {
        var o = new EvalOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number(string name)
            {
                var text = Next();
                return int.TryParse(text, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a whole number above 0, not '{text}'");
            }

            switch (args[i])
            {
                case "--agent": o.Agent = Next(); break;
                case "--filter": o.Filter = Next(); break;
                case "--cli": o.CliPath = Next(); break;
                case "--tasks": o.TasksPath = Next(); break;
                case "--root": o.PagesRoot = Next(); break;
                case "--policy": o.PolicyPath = Next(); break;
                case "--results": o.ResultsFolder = Next(); break;
                case "--chromium": o.Chromium = Next(); break;
                case "--max-steps": o.MaxSteps = Number("--max-steps"); break;
                case "--step-timeout": o.StepTimeoutSeconds = Number("--step-timeout"); break;
                case "--task-timeout": o.TaskTimeoutSeconds = Number("--task-timeout"); break;
                case "--label": o.Label = Next(); break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        if (o.Agent is not ("null" or "reference" or "actionagent"))
        {
            throw new ArgumentException($"--agent must be null, reference or actionagent, not '{o.Agent}'");
        }

        if (o.Filter.Length > 0)
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(o.Filter);
            }
            catch (ArgumentException)
            {
                throw new ArgumentException($"--filter '{o.Filter}' is not a valid regular expression");
            }
        }

        o.RepoRoot = Path.GetFullPath(o.RepoRoot.Length > 0 ? o.RepoRoot : FindRepoRoot());
        o.TasksPath = Full(o.TasksPath, o.RepoRoot, "eval/tasks/tasks.yaml");
        o.PagesRoot = Full(o.PagesRoot, o.RepoRoot, "eval/.cache/node_modules");
        o.CliPath = Full(o.CliPath, o.RepoRoot, "src/ActionAgent.Cli/bin/Release/net10.0/actionagent.dll");
        o.PolicyPath = Full(o.PolicyPath, o.RepoRoot, "eval/policy.yaml");
        o.ResultsFolder = Full(o.ResultsFolder, o.RepoRoot, "eval/results");
        o.WorkFolder = Path.Combine(o.ResultsFolder, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"work-{o.Agent}-{DateTime.UtcNow:yyyyMMdd-HHmmss}"));
        if (o.Label.Length == 0)
        {
            o.Label = o.Agent;
        }

        if (o.Agent == "actionagent" && !File.Exists(o.CliPath))
        {
            throw new ArgumentException($"CLI not found at {o.CliPath}; build it (dotnet build src/ActionAgent.Cli -c Release) or pass --cli PATH");
        }

        return o;
    }

    private static string Full(string given, string root, string fallback) =>
        Path.GetFullPath(given.Length > 0 ? given : Path.Combine(root, fallback));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new ArgumentException("run from inside the ActionAgent repository (no ActionAgent.sln found upward)");
    }
}
