using System.CommandLine;
using ActionAgent.Cli.Output;
using ActionAgent.Flows.Reporting;

namespace ActionAgent.Cli.Commands.Flows;

/// <summary><c>actionagent report recordings/&lt;run&gt; [-o FILE]</c>: one self-contained HTML file for a recording.</summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var recording = new Argument<string>("recording") { Description = "A recording folder (recordings/<run>)" };
        var output = new Option<string?>("--output", "-o") { Description = "HTML file (default: <recording>/report.html)" };
        var command = new Command("report", "Write one self-contained HTML report of a recorded run") { recording, output };
        command.SetAction(result =>
        {
            var dir = result.GetValue(recording)!;
            var path = result.GetValue(output) ?? Path.Combine(dir, "report.html");
            try
            {
                HtmlReportWriter.Write(dir, path);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.BadInput;
            }

            Console.Out.WriteLine($"report: {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
