using System.CommandLine;
using ActionAgent.Browser;
using ActionAgent.Cli.Hosting;
using ActionAgent.Cli.Output;
using ActionAgent.Core.Recording;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Export;

namespace ActionAgent.Cli.Commands.Flows;

/// <summary>
/// <c>actionagent export recordings/&lt;run&gt; --format playwright-csharp [-o FILE] [--project DIR] [--flow FILE]</c>:
/// a plain MSTest + Playwright test (and, with --project, a ready test project around it).
/// </summary>
public static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var recording = new Argument<string>("recording") { Description = "A recording folder (recordings/<run>)" };
        var format = new Option<string>("--format", "-f") { Description = "Output format (playwright-csharp)", DefaultValueFactory = _ => "playwright-csharp" };
        var output = new Option<string?>("--output", "-o") { Description = "C# file to write; its folder is created (default: print to stdout)" };
        var project = new Option<string?>("--project") { Description = "Folder for a ready MSTest + Playwright project (.csproj, settings and the test file); run it with dotnet test" };
        var flowOption = new Option<string?>("--flow") { Description = "The flow file the recording came from, for its expect: lines (default: the one named in the recording, when it still exists)" };
        var config = new Option<string?>("--config") { Description = "playwright.config.json whose Chromium path and flags the test uses (default: found upward from the current folder)" };
        var command = new Command("export", "Export a recorded run as a test in another tool") { recording, format, output, project, flowOption, config };
        command.SetAction(result =>
        {
            if (!string.Equals(result.GetValue(format), "playwright-csharp", StringComparison.OrdinalIgnoreCase))
            {
                return Fail($"unknown --format \"{result.GetValue(format)}\"; supported: playwright-csharp");
            }

            try
            {
                var run = RunRecording.Load(result.GetValue(recording)!);
                var browser = LoadBrowser(result.GetValue(config));
                var exporter = new PlaywrightCSharpExporter(new PlaywrightExportOptions
                {
                    ChromiumPath = browser.ExecutablePath,
                    BrowserArgs = [.. browser.Args],
                });
                var flow = LoadFlow(result.GetValue(flowOption), run);
                var code = exporter.Export(run, flow);
                if (result.GetValue(project) is { } dir)
                {
                    var versions = PlaywrightProjectVersions.FromPackagesProps(Path.Combine(RepoPaths.Root, "Directory.Packages.props"), new PlaywrightProjectVersions(PlaywrightVersion(), "4.5.2"));
                    foreach (var file in new PlaywrightProjectWriter(versions).Write(dir, exporter.ClassNameFor(run), code))
                    {
                        Console.Error.WriteLine($"wrote {file}");
                    }

                    Console.Error.WriteLine($"run it: cd {dir} && ACTIONAGENT_BASE_URL=<app url> dotnet test");
                }

                if (result.GetValue(output) is { } path)
                {
                    if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
                    {
                        Directory.CreateDirectory(folder);
                    }

                    File.WriteAllText(path, code);
                    Console.Error.WriteLine($"wrote {path}");
                }
                else if (result.GetValue(project) is null)
                {
                    Console.Out.Write(code);
                }

                return ExitCodes.Success;
            }
            catch (FlowFormatException e)
            {
                return Fail($"{e.Message} (give the flow the recording came from with --flow FILE)");
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException or System.Text.Json.JsonException or BrowserSettingsException)
            {
                return Fail(e.Message);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return Fail($"could not write the export: {e.Message} (choose a writable folder for -o / --project)");
            }
        });
        return command;
    }

    /// <summary>The flow named by --flow, else the one the recording names (flows record their source path), else null.</summary>
    private static FlowDefinition? LoadFlow(string? path, RunRecording run)
    {
        if (path is not null && !File.Exists(path))
        {
            throw new FileNotFoundException($"--flow {path}: file not found; give the flow file the recording came from (or leave --flow out)");
        }

        path ??= run.Manifest.Versions.TryGetValue("flow", out var recorded) && File.Exists(recorded) ? recorded : null;
        if (path is null)
        {
            return null;
        }

        // The recording's own origin stands in for ${baseUrl}: the test reads the real one from ACTIONAGENT_BASE_URL.
        var origin = ActionAgent.Flows.Replay.UrlRebaser.OriginOf(run.Manifest.StartUrl);
        return FlowLoader.Load(path, origin is null ? null : new Dictionary<string, string> { ["baseUrl"] = origin });
    }

    private static BrowserSettings LoadBrowser(string? path)
    {
        if (path is not null && !File.Exists(path))
        {
            throw new BrowserSettingsException($"--config {path}: file not found; give the path of an existing playwright.config.json (or leave --config out)");
        }

        var local = Path.Combine(Directory.GetCurrentDirectory(), BrowserSettingsLoader.DefaultFileName);
        return BrowserSettingsLoader.Load(path ?? (File.Exists(local) ? local : Path.Combine(RepoPaths.Root, BrowserSettingsLoader.DefaultFileName)));
    }

    private static string PlaywrightVersion()
    {
        var version = typeof(Microsoft.Playwright.IPage).Assembly.GetName().Version;
        return version is null ? "1.64.1" : $"{version.Major}.{version.Minor}.{Math.Max(0, version.Build)}";
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
