namespace ActionAgent.Flows.Reporting;

/// <summary>A step that ran.</summary>
public sealed record ResultsStep(int Index, string Text, bool IsExpectation, bool Passed, string Message, long DurationMs)
{
    /// <summary>Agent actions it took.</summary>
    public int Actions { get; init; }

    /// <summary>URL when it ended.</summary>
    public string? Url { get; init; }

    /// <summary>For an expectation step: its result.</summary>
    public ResultsExpectation? Expectation { get; init; }
}
