using System.CommandLine;
using ActionAgent.Cli.Output;
using ActionAgent.Flows.Export;

namespace ActionAgent.Cli.Commands.Flows;

/// <summary><c>actionagent export recordings/&lt;run&gt; --format playwright-csharp [-o FILE]</c>: a plain MSTest + Playwright test.</summary>
public static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var recording = new Argument<string>("recording") { Description = "A recording folder (recordings/<run>)" };
        var format = new Option<string>("--format", "-f") { Description = "Output format (playwright-csharp)", DefaultValueFactory = _ => "playwright-csharp" };
        var output = new Option<string?>("--output", "-o") { Description = "C# file to write (default: print to stdout)" };
        var command = new Command("export", "Export a recorded run as a test in another tool") { recording, format, output };
        command.SetAction(result =>
        {
            if (!string.Equals(result.GetValue(format), "playwright-csharp", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"error: unknown --format \"{result.GetValue(format)}\"; supported: playwright-csharp");
                return ExitCodes.BadInput;
            }

            string code;
            try
            {
                code = new PlaywrightCSharpExporter().Export(result.GetValue(recording)!);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }

            if (result.GetValue(output) is { } path)
            {
                File.WriteAllText(path, code);
                Console.Error.WriteLine($"wrote {path}");
            }
            else
            {
                Console.Out.Write(code);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
