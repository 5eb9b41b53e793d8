using System.CommandLine;
using ActionAgent.Browser;

namespace ActionAgent.Cli.Commands.Flows;

/// <summary>Browser options shared by <c>test</c> and <c>replay</c>.</summary>
public sealed class FlowCommandOptions
{
    /// <summary>--config.</summary>
    public Option<string?> Config { get; } = new("--config") { Description = "Path of playwright.config.json (default: found upward from the current folder)" };

    /// <summary>--headed.</summary>
    public Option<bool> Headed { get; } = new("--headed") { Description = "Show the browser windows instead of running headless" };

    /// <summary>--yes.</summary>
    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "Approve every held (irreversible) action without asking" };

    /// <summary>--policy.</summary>
    public Option<string?> Policy { get; } = new("--policy") { Description = "Policy file (YAML) that judges every action, as for run (default: policies/default.yaml in the repository)" };

    /// <summary>--approver.</summary>
    public Option<string?> Approver { get; } = new("--approver") { Description = "Who approves held actions: console, web (queue + 'actionagent approvals serve') or none (default: console on a terminal, otherwise none)" };

    /// <summary>--approvals-db.</summary>
    public Option<string?> ApprovalsDb { get; } = new("--approvals-db") { Description = "Approval queue for --approver web: a file, or postgres://user:password@host:port/database (default: .actionagent/approvals.db in the repository)" };

    /// <summary>--audit.</summary>
    public Option<string?> Audit { get; } = new("--audit") { Description = "Audit log: a file, or postgres://user:password@host:port/database (default: $ACTIONAGENT_AUDIT, else .actionagent/audit.jsonl in the repository)" };

    /// <summary>--recordings.</summary>
    public Option<string?> Recordings { get; } = new("--recordings") { Description = "Folder for recordings (default: recordings/ in the current folder)" };

    /// <summary>--verbose.</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log Information and above to the console" };

    /// <summary>--settle-ms.</summary>
    public Option<int> SettleMs { get; } = new("--settle-ms")
    {
        Description = "After each action, wait at most this many ms for the page's network to go quiet before looking (later steps wait for their targets anyway; raise it, up to the config's settleMs, for pages that change late without a sign)",
        DefaultValueFactory = _ => 300,
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Config, Headed, Yes, Policy, Approver, ApprovalsDb, Audit, Recordings, Verbose, SettleMs })
        {
            command.Add(option);
        }
    }

    /// <summary>The --settle-ms value, or an error message when it is not between 0 and 60000.</summary>
    public (TimeSpan Settle, string? Error) GetSettle(ParseResult result)
    {
        var ms = result.GetValue(SettleMs);
        return ms is < 0 or > 60_000
            ? (TimeSpan.Zero, $"--settle-ms must be between 0 and 60000 (milliseconds), got {ms}")
            : (TimeSpan.FromMilliseconds(ms), null);
    }

    /// <summary>The governance settings (policy, approver, queue, audit, --yes) for the pipeline, as run reads them; throws <see cref="ArgumentException"/> for a bad --approver.</summary>
    public Hosting.CliSettings ReadGovernance(ParseResult result)
    {
        var approver = Hosting.PipelineFactory.ParseApprover(result.GetValue(Approver));

        return new Hosting.CliSettings
        {
            PolicyPath = result.GetValue(Policy),
            Approver = approver,
            ApprovalsDb = result.GetValue(ApprovalsDb),
            AuditPath = result.GetValue(Audit),
            Yes = result.GetValue(Yes),
            ConfigPath = result.GetValue(Config),
            Output = Console.IsOutputRedirected ? Output.OutputMode.Plain : Output.OutputMode.Terminal,
        };
    }

    /// <summary>Loads the browser settings (throws <see cref="BrowserSettingsException"/> for a bad file).</summary>
    public BrowserSettings LoadBrowser(ParseResult result)
    {
        var path = result.GetValue(Config);
        if (path is not null && !File.Exists(path))
        {
            throw new BrowserSettingsException($"--config {path}: file not found; give the path of an existing playwright.config.json (or leave --config out)");
        }

        if (path is null)
        {
            var local = Path.Combine(Directory.GetCurrentDirectory(), "playwright.config.json");
            path = File.Exists(local) ? local : Path.Combine(Hosting.RepoPaths.Root, "playwright.config.json");
        }

        var settings = BrowserSettingsLoader.Load(path);
        if (result.GetValue(Headed))
        {
            settings.Headless = false;
        }

        return settings;
    }
}
