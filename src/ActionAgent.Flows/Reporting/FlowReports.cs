using ActionAgent.Core.Recording;
using ActionAgent.Flows.Running;

namespace ActionAgent.Flows.Reporting;

/// <summary>Writes every report of a test run into one folder that can be uploaded alone: report.html, runs/*.html, junit.xml and results.json.</summary>
public static class FlowReports
{
    /// <summary>The name of a run's HTML report inside its recording folder.</summary>
    public const string RunReportFile = "report.html";

    /// <summary>The name of the screenshot taken when a flow failed, inside its recording folder.</summary>
    public const string FailureScreenshotFile = "failure.png";

    /// <summary>Where a failed flow's screenshot is (or will be) written; null when it has none.</summary>
    public static string? FailureScreenshotPath(FlowResult result) =>
        result is null || result.RecordingPath is null || result.FailureScreenshot.IsEmpty ? null : Path.Combine(result.RecordingPath, FailureScreenshotFile);

    /// <summary>The folder, inside the report folder, that holds one self-contained HTML report per flow run.</summary>
    public const string RunsFolder = "runs";

    /// <summary>Where the run report of <paramref name="result"/> goes inside <paramref name="outputDirectory"/>; null without a recording.</summary>
    public static string? RunReportPath(string outputDirectory, FlowResult result) =>
        result?.RecordingPath is null ? null : Path.Combine(outputDirectory, RunsFolder, Path.GetFileName(Path.TrimEndingDirectorySeparator(result.RecordingPath)) + ".html");

    /// <summary>
    /// Writes <c>report.html</c> and one run report per flow (<c>runs/NAME.html</c>, screenshots inline) under
    /// <paramref name="outputDirectory"/>, so the folder alone can be uploaded, and ONE JUnit file: <paramref name="junitPath"/>,
    /// else <c>junit.xml</c> in the folder. A recording that cannot be read is skipped, not fatal.
    /// </summary>
    public static FlowReportPaths Write(FlowSuiteResult suite, string outputDirectory, string? junitPath = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        outputDirectory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        var runReports = new List<string>();
        var problems = new List<string>();
        foreach (var result in suite.Results.Where(r => r.RecordingPath is not null))
        {
            var path = RunReportPath(outputDirectory, result)!;
            try
            {
                if (FailureScreenshotPath(result) is { } shot)
                {
                    File.WriteAllBytes(shot, result.FailureScreenshot.ToArray());
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                HtmlReportWriter.Write(RunRecording.Load(result.RecordingPath!), path);
                runReports.Add(path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{result.Flow.Name}: no run report ({e.Message})");
            }
        }

        return WriteSummaries(suite, outputDirectory, junitPath, runReports, problems);
    }

    /// <summary>
    /// Writes a merged run (<see cref="SuiteResultsMerger"/>) into <paramref name="outputDirectory"/>: the run reports
    /// that the shards wrote (<c>runs/*.html</c> of each source folder) are copied, then junit.xml, report.html and
    /// results.json are written as for one run.
    /// </summary>
    public static FlowReportPaths WriteMerged(FlowSuiteResult suite, IEnumerable<string> sourceDirectories, string outputDirectory, string? junitPath = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(sourceDirectories);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        outputDirectory = Path.GetFullPath(outputDirectory);
        var runs = Path.Combine(outputDirectory, RunsFolder);
        Directory.CreateDirectory(runs);
        var runReports = new List<string>();
        foreach (var source in sourceDirectories.Select(d => Path.Combine(d, RunsFolder)).Where(Directory.Exists))
        {
            foreach (var report in Directory.EnumerateFiles(source, "*.html").Order(StringComparer.Ordinal))
            {
                var target = Path.Combine(runs, Path.GetFileName(report));
                File.Copy(report, target, overwrite: true);
                runReports.Add(target);
            }
        }

        return WriteSummaries(suite, outputDirectory, junitPath, runReports, []);
    }

    /// <summary>The name of the JUnit file inside the report folder when no other path is given.</summary>
    public const string JUnitFile = "junit.xml";

    private static FlowReportPaths WriteSummaries(FlowSuiteResult suite, string outputDirectory, string? junitPath, List<string> runReports, List<string> problems)
    {
        var junit = Path.GetFullPath(junitPath ?? Path.Combine(outputDirectory, JUnitFile));
        Directory.CreateDirectory(Path.GetDirectoryName(junit)!);
        JUnitWriter.Write(suite, junit);
        var html = Path.Combine(outputDirectory, "report.html");
        HtmlReportWriter.WriteSuite(suite, html);

        // The machine-readable run, for report --merge of shards (flow files relative to the working folder).
        var results = Path.Combine(outputDirectory, SuiteResults.FileName);
        SuiteResults.Write(suite, results, Directory.GetCurrentDirectory());
        return new FlowReportPaths(junit, html, runReports) { Problems = problems, Results = results };
    }
}
