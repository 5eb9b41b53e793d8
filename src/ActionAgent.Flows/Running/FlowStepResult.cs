using ActionAgent.Flows.Expectations;

namespace ActionAgent.Flows.Running;

/// <summary>What one step of a flow did: an instruction (with the agent's actions) or a checked expectation.</summary>
public sealed record FlowStepResult(int Index, string Text, bool IsExpectation, bool Passed, string Message, TimeSpan Duration)
{
    /// <summary>The expectation's result, for expectation steps.</summary>
    public ExpectationResult? Expectation { get; init; }

    /// <summary>Agent steps (actions) the instruction took, including the final done.</summary>
    public int Actions { get; init; }

    /// <summary>The page URL when the step ended.</summary>
    public string? Url { get; init; }

    /// <summary>A screenshot (PNG) of the page when the step failed; empty otherwise.</summary>
    public ReadOnlyMemory<byte> FailureScreenshot { get; init; }
}
