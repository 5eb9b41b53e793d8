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

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Config, Headed, Yes, Recordings, Verbose })
        {
            command.Add(option);
        }
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
