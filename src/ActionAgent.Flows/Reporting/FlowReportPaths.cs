namespace ActionAgent.Flows.Reporting;

/// <summary>Where <see cref="FlowReports.Write"/> put the reports, and any run report it could not write.</summary>
public sealed record FlowReportPaths(string JUnitXml, string SuiteHtml, IReadOnlyList<string> RunReports)
{
    /// <summary>Run reports that could not be written, with the reason.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The machine-readable results (results.json), the input of <c>report --merge</c>.</summary>
    public string? Results { get; init; }
}
