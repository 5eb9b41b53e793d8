using System.Text.Json;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Reporting;
using ActionAgent.Flows.Running;

namespace ActionAgent.Cli.Commands.Flows;

/// <summary>The last line of <c>actionagent test --json</c>: the whole run as one JSON object, with each flow's steps.</summary>
public static class TestJsonResult
{
    /// <summary>The result object as one line of JSON.</summary>
    public static string Serialize(FlowSuiteResult suite, FlowLoadResult loaded, FlowReportPaths written, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(written);
        return JsonSerializer.Serialize(new
        {
            type = "result",
            passed = suite.PassedCount,
            failed = suite.FailedCount,
            notLoaded = loaded.Errors.Select(e => new { file = e.Path, message = e.Message }),
            filteredOut = suite.FilteredOut,
            seconds = Math.Round(suite.Duration.TotalSeconds, 1),
            report = written.SuiteHtml,
            junit = written.JUnitXml,
            results = written.Results,
            shard = suite.Shard?.ToString(),
            exitCode,
            flows = suite.Results.Select(r => new
            {
                name = r.Flow.Name,
                file = r.Flow.SourcePath,
                status = r.Status.ToString(),
                message = r.Message,
                seconds = Math.Round(r.Duration.TotalSeconds, 1),
                recording = r.RecordingPath,
                runReport = FlowReports.RunReportPath(Path.GetDirectoryName(written.SuiteHtml)!, r),
                steps = r.Steps.Select(s => new { index = s.Index, text = s.Text, expectation = s.IsExpectation, passed = s.Passed, message = s.Message, actions = s.Actions, ms = (long)s.Duration.TotalMilliseconds }),
                expectations = r.Expectations.Select(e => new { expect = e.Expectation.Source, passed = e.Passed, expected = e.Expected, actual = e.Actual }),
            }),
        });
    }
}
