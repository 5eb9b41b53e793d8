using System.Text.Json;
using ActionAgent.Flows.Definition;
using ActionAgent.Flows.Expectations;
using ActionAgent.Flows.Running;

namespace ActionAgent.Flows.Reporting;

/// <summary>Writes a test run as <c>results.json</c> and reads it back as a <see cref="FlowSuiteResult"/> that the report writers accept.</summary>
public static class SuiteResults
{
    /// <summary>The results file format version.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The file's name inside the report folder.</summary>
    public const string FileName = "results.json";

    /// <summary>Writes <paramref name="suite"/> to <paramref name="path"/>; flow files are stored relative to <paramref name="workingDirectory"/>.</summary>
    public static void Write(FlowSuiteResult suite, string path, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, JsonSerializer.Serialize(ToFile(suite, workingDirectory), FlowsJsonContext.Default.SuiteResultsFile));
    }

    /// <summary>Reads a results file; throws <see cref="InvalidDataException"/> (one line) for a file that is not one.</summary>
    public static SuiteResultsFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), FlowsJsonContext.Default.SuiteResultsFile)
                ?? throw new InvalidDataException($"{path} is empty; it is not an actionagent test results file");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not an actionagent test results file ({e.Message})", e);
        }
    }

    /// <summary>The JSON shape of a run.</summary>
    public static SuiteResultsFile ToFile(FlowSuiteResult suite, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return new SuiteResultsFile
        {
            Shard = suite.Shard?.ToString(),
            ShardedFrom = suite.Shard is null ? 0 : suite.ShardedFrom,
            StartedAt = suite.StartedAt,
            DurationMs = (long)suite.Duration.TotalMilliseconds,
            FilteredOut = suite.FilteredOut,
            Cache = suite.Cache,
            Heals = suite.Heals,
            LoadErrors = suite.LoadErrors.Select(e => new ResultsLoadError(Relative(e.Path, workingDirectory), e.Message)).ToList(),
            Flows = suite.Results.Select(r => new ResultsFlow
            {
                Name = r.Flow.Name,
                File = Relative(r.Flow.SourcePath, workingDirectory),
                Url = r.Flow.Url,
                Tags = r.Flow.Tags,
                Status = r.Status.ToString(),
                Message = r.Message,
                DurationMs = (long)r.Duration.TotalMilliseconds,
                StartedAt = r.StartedAt,
                Recording = r.RecordingPath,
                Tokens = r.Tokens,
                Cost = r.Cost,
                FailureScreenshotPng = Base64(r.FailureScreenshot),
                Planned = r.Flow.Steps.Select(s => new ResultsPlannedStep(s.Index, s.Text, s.IsExpectation, s.Location)).ToList(),
                PlannedExpectations = r.Flow.Expectations.Select(e => new ResultsExpectation(e.Source, e.Location, e.DescribeExpected())).ToList(),
                Steps = r.Steps.Select(s => new ResultsStep(s.Index, s.Text, s.IsExpectation, s.Passed, s.Message, (long)s.Duration.TotalMilliseconds)
                {
                    Actions = s.Actions,
                    Url = s.Url,
                    Expectation = s.Expectation is null ? null : Entry(s.Expectation),
                }).ToList(),
                Expectations = r.Expectations.Select(Entry).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Rebuilds the run for the report writers (JUnit, HTML); flow files stay relative.</summary>
    public static FlowSuiteResult ToSuite(SuiteResultsFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new FlowSuiteResult(file.Flows.Select(ToResult).ToList(), file.StartedAt, TimeSpan.FromMilliseconds(file.DurationMs))
        {
            LoadErrors = file.LoadErrors.Select(e => new FlowLoadError(e.Path, e.Message)).ToList(),
            FilteredOut = file.FilteredOut,
            Cache = file.Cache,
            Heals = file.Heals,
        };
    }

    private static FlowResult ToResult(ResultsFlow f)
    {
        var flow = new FlowDefinition
        {
            Name = f.Name,
            Url = f.Url,
            Tags = f.Tags,
            SourcePath = f.File,
            Steps = f.Planned.Select(s => s.IsExpectation
                ? new FlowStep(s.Index, s.Location) { Expectation = new ReportedExpectation(s.Text) { Source = s.Text, Location = s.Location } }
                : new FlowStep(s.Index, s.Location) { Instruction = s.Text }).ToList(),
            Expectations = f.PlannedExpectations.Select(e => (Expectation)new ReportedExpectation(e.Expected) { Source = e.Source, Location = e.Location }).ToList(),
        };
        if (!Enum.TryParse<FlowStatus>(f.Status, out var status))
        {
            throw new InvalidDataException($"flow \"{f.Name}\" has an unknown status \"{f.Status}\"");
        }

        return new FlowResult(flow, status, f.Message, TimeSpan.FromMilliseconds(f.DurationMs))
        {
            Steps = f.Steps.Select(s => new FlowStepResult(s.Index, s.Text, s.IsExpectation, s.Passed, s.Message, TimeSpan.FromMilliseconds(s.DurationMs))
            {
                Actions = s.Actions,
                Url = s.Url,
                Expectation = s.Expectation is null ? null : ToResult(s.Expectation),
            }).ToList(),
            Expectations = f.Expectations.Select(ToResult).ToList(),
            RecordingPath = f.Recording,
            StartedAt = f.StartedAt,
            FailureScreenshot = Bytes(f.FailureScreenshotPng),
            Tokens = f.Tokens,
            Cost = f.Cost,
        };
    }

    private static ResultsExpectation Entry(ExpectationResult e) =>
        new(e.Expectation.Source, e.Expectation.Location, e.Expected)
        {
            Passed = e.Passed,
            Actual = e.Actual,
            ExpectedImagePng = e.Passed ? null : Base64(e.ExpectedImage),
            ActualImagePng = e.Passed ? null : Base64(e.ActualImage),
        };

    private static ExpectationResult ToResult(ResultsExpectation e) =>
        new(new ReportedExpectation(e.Expected) { Source = e.Source, Location = e.Location }, e.Passed, e.Expected, e.Actual)
        {
            ExpectedImage = Bytes(e.ExpectedImagePng),
            ActualImage = Bytes(e.ActualImagePng),
        };

    private static string Relative(string path, string workingDirectory) =>
        path.Length == 0 ? "" : Path.GetRelativePath(workingDirectory, Path.GetFullPath(path, workingDirectory)).Replace('\\', '/');

    private static string? Base64(ReadOnlyMemory<byte> bytes) => bytes.IsEmpty ? null : Convert.ToBase64String(bytes.Span);

    private static ReadOnlyMemory<byte> Bytes(string? base64) => base64 is null ? ReadOnlyMemory<byte>.Empty : Convert.FromBase64String(base64);
}
