using ActionAgent.Core.Recording;
using ActionAgent.Flows.Running;

namespace ActionAgent.Flows.Reporting;

/// <summary>Writes every report of a test run into one folder: junit.xml, report.html, and a report.html in each flow's recording.</summary>
public static class FlowReports
{
    /// <summary>The name of a run's HTML report inside its recording folder.</summary>
    public const string RunReportFile = "report.html";

    /// <summary>The name of the screenshot taken when a flow failed, inside its recording folder.</summary>
    public const string FailureScreenshotFile = "failure.png";

    /// <summary>Where a failed flow's screenshot is (or will be) written; null when it has none.</summary>
    public static string? FailureScreenshotPath(FlowResult result) =>
        result is null || result.RecordingPath is null || result.FailureScreenshot.IsEmpty ? null : Path.Combine(result.RecordingPath, FailureScreenshotFile);

    /// <summary>
    /// Writes <c>junit.xml</c> and <c>report.html</c> under <paramref name="outputDirectory"/>, and a run report into each
    /// flow's recording (linked from the suite report). A recording that cannot be read is skipped, not fatal.
    /// </summary>
    public static FlowReportPaths Write(FlowSuiteResult suite, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        var runReports = new List<string>();
        var problems = new List<string>();
        foreach (var result in suite.Results.Where(r => r.RecordingPath is not null))
        {
            var path = Path.Combine(result.RecordingPath!, RunReportFile);
            try
            {
                if (FailureScreenshotPath(result) is { } shot)
                {
                    File.WriteAllBytes(shot, result.FailureScreenshot.ToArray());
                }

                HtmlReportWriter.Write(RunRecording.Load(result.RecordingPath!), path);
                runReports.Add(path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{result.Flow.Name}: no run report ({e.Message})");
            }
        }

        var junit = Path.Combine(outputDirectory, "junit.xml");
        JUnitWriter.Write(suite, junit);
        var html = Path.Combine(outputDirectory, "report.html");
        HtmlReportWriter.WriteSuite(suite, html);
        return new FlowReportPaths(junit, html, runReports) { Problems = problems };
    }
}
