using System.CommandLine;
using ActionAgent.Cli.Output;
using ActionAgent.Flows.Reporting;

namespace ActionAgent.Cli.Commands.Flows;

/// <summary>
/// <c>actionagent report recordings/&lt;run&gt; [-o FILE]</c>: one self-contained HTML file for a recording;
/// <c>actionagent report --merge DIR…</c>: one JUnit file, HTML report and results.json from the report folders of shard runs.
/// </summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var recording = new Argument<string?>("recording") { Description = "A recording folder (recordings/<run>)", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--output", "-o") { Description = "HTML file (default: <recording>/report.html)" };
        var merge = new Option<string[]>("--merge") { Description = "Report folders of 'actionagent test --shard' runs (their --html folders) to merge into one report", AllowMultipleArgumentsPerToken = true };
        var html = new Option<string?>("--html") { Description = "With --merge: folder for the merged report.html, runs/*.html, junit.xml and results.json (default: test-results/)" };
        var junit = new Option<string?>("--junit") { Description = "With --merge: the merged JUnit XML file (default: <html dir>/junit.xml)" };
        var command = new Command("report", "Write one self-contained HTML report of a recorded run, or merge the reports of sharded test runs") { recording, output, merge, html, junit };
        command.SetAction(result =>
        {
            var dir = result.GetValue(recording);
            var shards = result.GetValue(merge) ?? [];
            if (shards.Length > 0)
            {
                return dir is null && result.GetValue(output) is null
                    ? Merge(shards, result.GetValue(html), result.GetValue(junit))
                    : Fail("--merge takes report folders only: give them after --merge and the output folder with --html (no recording, no -o)");
            }

            if (dir is null)
            {
                return Fail("give a recording folder (actionagent report recordings/<run>) or --merge with the report folders of shard runs");
            }

            var path = result.GetValue(output) ?? Path.Combine(dir, "report.html");
            try
            {
                HtmlReportWriter.Write(dir, path);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException or System.Text.Json.JsonException)
            {
                return Fail(e.Message);
            }

            Console.Out.WriteLine($"report: {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Merge(string[] directories, string? htmlDir, string? junitPath)
    {
        var outDir = Path.GetFullPath(htmlDir ?? "test-results");
        if (directories.Any(d => string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(d)), Path.TrimEndingDirectorySeparator(outDir), StringComparison.Ordinal)))
        {
            return Fail($"{outDir} is one of the folders to merge; write the merged report elsewhere with --html DIR");
        }

        ActionAgent.Flows.Running.FlowSuiteResult suite;
        try
        {
            suite = SuiteResultsMerger.Merge(directories);
        }
        catch (InvalidDataException e)
        {
            return Fail(e.Message);
        }

        var written = FlowReports.WriteMerged(suite, directories, outDir, junitPath);
        Console.Out.WriteLine($"{suite.PassedCount} passed, {suite.FailedCount} failed ({suite.Results.Count} flows, {suite.LoadErrors.Count} not loaded, {suite.FilteredOut} left out by tags) merged from {directories.Length} folders");
        Console.Out.WriteLine($"report: {written.SuiteHtml}");
        Console.Out.WriteLine($"junit: {written.JUnitXml}");
        Console.Out.WriteLine($"results: {written.Results}");
        return ExitCodes.Success;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
