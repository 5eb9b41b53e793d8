using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Reporting;

/// <summary>An expectation (as written) and, once checked, its result; images as base64 PNG for visual regions.</summary>
public sealed record ResultsExpectation(string Source, SourceLocation Location, string Expected)
{
    /// <summary>True when it held (false when it did not, or was not checked).</summary>
    public bool Passed { get; init; }

    /// <summary>What the page had.</summary>
    public string Actual { get; init; } = "";

    /// <summary>Baseline image (base64 PNG), failed visual regions only.</summary>
    public string? ExpectedImagePng { get; init; }

    /// <summary>Region as it looked (base64 PNG), failed visual regions only.</summary>
    public string? ActualImagePng { get; init; }
}
