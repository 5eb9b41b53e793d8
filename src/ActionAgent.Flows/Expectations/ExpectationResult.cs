namespace ActionAgent.Flows.Expectations;

/// <summary>The result of checking one expectation: passed or not, what was expected and what the page actually had.</summary>
public sealed record ExpectationResult(Expectation Expectation, bool Passed, string Expected, string Actual)
{
    /// <summary>One line: "expected the page shows "Refund filed" / actual: no such text; closest: "Refund failed"".</summary>
    public string Message => Passed ? $"ok: {Expected}" : $"expected {Expected} / actual: {Actual}";

    /// <summary>For visual regions: the baseline image (PNG), shown in reports next to <see cref="ActualImage"/>.</summary>
    public ReadOnlyMemory<byte> ExpectedImage { get; init; }

    /// <summary>For visual regions: the region as it looked now (PNG).</summary>
    public ReadOnlyMemory<byte> ActualImage { get; init; }

    /// <summary>A passing result.</summary>
    public static ExpectationResult Pass(Expectation expectation, string actual) =>
        new(expectation, true, expectation.DescribeExpected(), actual);

    /// <summary>A failing result.</summary>
    public static ExpectationResult Fail(Expectation expectation, string actual) =>
        new(expectation, false, expectation.DescribeExpected(), actual);

    /// <summary>
    /// True when looking again cannot change the result (a missing baseline file, no vision layer): the runner
    /// reports it at once instead of re-checking until the expectation timeout.
    /// </summary>
    public bool Final { get; init; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
