namespace ActionAgent.Flows.Reporting;

/// <summary>One flow's result, with the steps it had (for "not run" rows).</summary>
public sealed record ResultsFlow
{
    /// <summary>Flow name (the test case name).</summary>
    public required string Name { get; init; }

    /// <summary>The flow file, relative to the working folder of the run ('/' separators).</summary>
    public string File { get; init; } = "";

    /// <summary>Start URL.</summary>
    public string Url { get; init; } = "";

    /// <summary>Tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Passed, Failed, TimedOut, Error or Cancelled.</summary>
    public required string Status { get; init; }

    /// <summary>The first failure in words.</summary>
    public string Message { get; init; } = "";

    /// <summary>Duration in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>When the flow started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The recording folder on the machine that ran it.</summary>
    public string? Recording { get; init; }

    /// <summary>Model tokens spent.</summary>
    public long Tokens { get; init; }

    /// <summary>Model cost.</summary>
    public decimal Cost { get; init; }

    /// <summary>PNG of the page at the failure (base64), when the flow failed and one was taken.</summary>
    public string? FailureScreenshotPng { get; init; }

    /// <summary>The steps as written in the flow.</summary>
    public IReadOnlyList<ResultsPlannedStep> Planned { get; init; } = [];

    /// <summary>The final expectations as written in the flow.</summary>
    public IReadOnlyList<ResultsExpectation> PlannedExpectations { get; init; } = [];

    /// <summary>The steps that ran.</summary>
    public IReadOnlyList<ResultsStep> Steps { get; init; } = [];

    /// <summary>The results of the final expectations.</summary>
    public IReadOnlyList<ResultsExpectation> Expectations { get; init; } = [];
}
