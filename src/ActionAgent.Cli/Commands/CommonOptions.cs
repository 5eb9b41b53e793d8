using System.CommandLine;
using System.Globalization;
using ActionAgent.Cli.Hosting;
using ActionAgent.Cli.Output;

namespace ActionAgent.Cli.Commands;

/// <summary>The options every run-like command shares, and how they become <see cref="CliSettings"/>.</summary>
public sealed class CommonOptions
{
    /// <summary>--config.</summary>
    public Option<string?> Config { get; } = new("--config") { Description = "Path of playwright.config.json (default: found upward from the current folder)" };

    /// <summary>--headed.</summary>
    public Option<bool> Headed { get; } = new("--headed") { Description = "Show the browser window instead of running headless" };

    /// <summary>--viewport.</summary>
    public Option<string?> Viewport { get; } = new("--viewport") { Description = "Viewport size in CSS pixels, e.g. 1280x720" };

    /// <summary>--device-scale-factor.</summary>
    public Option<double?> DeviceScaleFactor { get; } = new("--device-scale-factor") { Description = "Device scale factor (1, 2…)" };

    /// <summary>--cdp.</summary>
    public Option<string?> Cdp { get; } = new("--cdp") { Description = "Attach to a running Chromium (http://127.0.0.1:PORT) and act in its open page; the browser is left running" };

    /// <summary>--connect.</summary>
    public Option<string?> Connect { get; } = new("--connect") { Description = "Use a remote Playwright browser server (ws://HOST:PORT/…)" };

    /// <summary>--yes.</summary>
    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "Approve every held (irreversible) action without asking" };

    /// <summary>--json.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "Print only a JSON result object on stdout" };

    /// <summary>--max-steps.</summary>
    public Option<int> MaxSteps { get; } = new("--max-steps") { Description = "Most steps before the run fails", DefaultValueFactory = _ => 40 };

    /// <summary>--step-timeout.</summary>
    public Option<double> StepTimeout { get; } = new("--step-timeout") { Description = "Seconds one step may take (approval waits excluded)", DefaultValueFactory = _ => 60 };

    /// <summary>--recordings.</summary>
    public Option<string?> Recordings { get; } = new("--recordings") { Description = "Folder for recordings (default: recordings/ in the repository)" };

    /// <summary>--run-id.</summary>
    public Option<string?> RunId { get; } = new("--run-id") { Description = "Run id (default: time + random suffix)" };

    /// <summary>--verbose.</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log Information and above to the console" };

    /// <summary>--policy.</summary>
    public Option<string?> Policy { get; } = new("--policy") { Description = "Policy file (YAML) that judges every action (default: policies/default.yaml in the repository)" };

    /// <summary>--approver.</summary>
    public Option<string?> Approver { get; } = new("--approver") { Description = "Who approves held actions: console, web (queue + 'actionagent approvals serve') or none (default: console on a terminal, otherwise none)" };

    /// <summary>--approvals-db.</summary>
    public Option<string?> ApprovalsDb { get; } = new("--approvals-db") { Description = "Approval queue for --approver web: a file, or postgres://user:password@host:port/database (default: $ACTIONAGENT_APPROVALS_DB, else .actionagent/approvals.db in the repository)" };

    /// <summary>--audit.</summary>
    public Option<string?> Audit { get; } = new("--audit") { Description = "Audit log: a file, or postgres://user:password@host:port/database (default: $ACTIONAGENT_AUDIT, else .actionagent/audit.jsonl in the repository)" };

    /// <summary>--perception.</summary>
    public Option<string?> Perception { get; } = new(PerceptionFactory.OptionName) { Description = "How the page is seen: dom, vision (OCR + shapes from pixels only) or hybrid (DOM plus pixels where the DOM is blind; default, DOM only when the OCR models are missing)" };

    /// <summary>--record-marks (default always: an agent run's recording shows what was seen).</summary>
    public Option<string?> RecordMarks { get; } = MarksOption.Create("always");

    /// <summary>--trace (default off: a run keeps a trace only when asked).</summary>
    public Option<string?> Trace { get; } = TraceOption.Create("off");

    /// <summary>Adds all options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Config, Headed, Viewport, DeviceScaleFactor, Cdp, Connect, Yes, Json, MaxSteps, StepTimeout, Recordings, RunId, Verbose, Policy, Approver, ApprovalsDb, Audit, Perception, RecordMarks, Trace })
        {
            command.Add(option);
        }
    }

    /// <summary>Reads the settings; throws <see cref="ArgumentException"/> with a clear message for bad values.</summary>
    public CliSettings Read(ParseResult result)
    {
        (int, int)? viewport = null;
        if (result.GetValue(Viewport) is { } vp)
        {
            var parts = vp.Split('x', 'X');
            if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var w) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var h) || w <= 0 || h <= 0)
            {
                throw new ArgumentException($"--viewport must look like 1280x720, got \"{vp}\"");
            }

            viewport = (w, h);
        }

        var maxSteps = result.GetValue(MaxSteps);
        if (maxSteps <= 0)
        {
            throw new ArgumentException($"--max-steps must be at least 1, got {maxSteps}");
        }

        var stepTimeout = result.GetValue(StepTimeout);
        if (stepTimeout <= 0)
        {
            throw new ArgumentException($"--step-timeout must be a positive number of seconds, got {stepTimeout}");
        }

        if (result.GetValue(Cdp) is { } cdp && !cdp.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !cdp.StartsWith("ws://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--cdp takes the DevTools address, e.g. http://127.0.0.1:9222, got \"{cdp}\"");
        }

        if (result.GetValue(Connect) is { } ws && !ws.StartsWith("ws://", StringComparison.OrdinalIgnoreCase) && !ws.StartsWith("wss://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--connect takes a Playwright server address, e.g. ws://127.0.0.1:3000/, got \"{ws}\"");
        }

        var approver = PipelineFactory.ParseApprover(result.GetValue(Approver));

        return new CliSettings
        {
            PolicyPath = result.GetValue(Policy),
            Approver = approver,
            ApprovalsDb = result.GetValue(ApprovalsDb),
            AuditPath = result.GetValue(Audit),
            ConfigPath = result.GetValue(Config),
            Headed = result.GetValue(Headed),
            Viewport = viewport,
            DeviceScaleFactor = result.GetValue(DeviceScaleFactor),
            CdpUrl = result.GetValue(Cdp),
            ConnectUrl = result.GetValue(Connect),
            Yes = result.GetValue(Yes),
            MaxSteps = maxSteps,
            StepTimeout = TimeSpan.FromSeconds(stepTimeout),
            RecordingsDirectory = result.GetValue(Recordings) ?? Path.Combine(RepoPaths.Root, "recordings"),
            RunId = result.GetValue(RunId),
            Verbose = result.GetValue(Verbose),
            Perception = PerceptionFactory.Parse(result.GetValue(Perception)),
            RecordMarks = MarksOption.Parse(result.GetValue(RecordMarks), ActionAgent.Core.Recording.MarksRecording.Always),
            Trace = TraceOption.Parse(result.GetValue(Trace), ActionAgent.Browser.Tracing.TraceMode.Off),
            Output = result.GetValue(Json) ? OutputMode.Json : Console.IsOutputRedirected ? OutputMode.Plain : OutputMode.Terminal,
        };
    }
}
