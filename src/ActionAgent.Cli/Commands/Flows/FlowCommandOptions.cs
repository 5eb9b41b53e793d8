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
        foreach (var option in new Option[] { Config, Headed, Yes, Recordings, Verbose, SettleMs })
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

    /// <summary>Loads the browser settings (throws <see cref="BrowserSettingsException"/> for a bad file).</summary>
    public BrowserSettings LoadBrowser(ParseResult result)
    {
        var path = result.GetValue(Config);
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
