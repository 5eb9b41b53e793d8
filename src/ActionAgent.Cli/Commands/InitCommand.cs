using System.CommandLine;
using ActionAgent.Cli.Hosting;
using ActionAgent.Cli.Output;

namespace ActionAgent.Cli.Commands;

/// <summary>
/// <c>actionagent init</c>: writes a starter project into the current folder (actionagent.json with a baseUrl,
/// playwright.config.json, an example flow, a policy and its secrets file); never overwrites a file unless --force.
/// </summary>
public static class InitCommand
{
    /// <summary>The files init writes, relative to the folder (also the embedded resource names under Templates/).</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "actionagent.json",
        "playwright.config.json",
        "flows/sign-in-and-open-an-order.yaml",
        "policies/default.yaml",
        "secrets.env",
    ];

    /// <summary>The baseUrl written when --base-url is not given: where <c>actionagent sample-app</c> listens by default.</summary>
    public static readonly string DefaultBaseUrl = $"http://127.0.0.1:{SampleAppCommand.DefaultPort}";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var baseUrl = new Option<string>("--base-url") { Description = "The app the flows test, written to actionagent.json", DefaultValueFactory = _ => DefaultBaseUrl };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist" };
        var command = new Command("init", "Write a starter actionagent.json, playwright.config.json, example flow and policy into the current folder") { baseUrl, force };
        command.SetAction(result =>
        {
            var url = result.GetValue(baseUrl)!.Trim().TrimEnd('/');
            if (UrlCheck.Problem(url) is { } problem)
            {
                Console.Error.WriteLine($"error: --base-url: {problem}");
                return ExitCodes.BadInput;
            }

            var folder = Directory.GetCurrentDirectory();
            var existing = Files.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
            if (existing.Count > 0 && !result.GetValue(force))
            {
                Console.Error.WriteLine($"error: {string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : "")} here: init writes nothing; pass --force to overwrite, or run it in an empty folder");
                return ExitCodes.BadInput;
            }

            foreach (var file in Files)
            {
                var target = Path.Combine(folder, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, Template(file).Replace("__BASE_URL__", url, StringComparison.Ordinal));
                Console.Out.WriteLine($"wrote {file}");
            }

            Console.Out.WriteLine(url == DefaultBaseUrl
                ? $"next: start the sample app with 'actionagent sample-app' (it serves {url}), then run 'actionagent test flows/'"
                : $"next: start the app at {url}, then run 'actionagent test flows/'");
            Console.Out.WriteLine("keep secrets.env out of version control");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Template(string file)
    {
        using var stream = typeof(InitCommand).Assembly.GetManifestResourceStream("Templates/" + file)
            ?? throw new InvalidOperationException($"starter file {file} is missing from the actionagent build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
