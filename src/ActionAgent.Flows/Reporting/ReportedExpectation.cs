using ActionAgent.Flows.Expectations;

namespace ActionAgent.Flows.Reporting;

/// <summary>An expectation read back from a results file: only its words, for reports (it is never checked again).</summary>
internal sealed record ReportedExpectation(string Expected) : Expectation
{
    /// <inheritdoc />
    public override string DescribeExpected() => Expected;
}
