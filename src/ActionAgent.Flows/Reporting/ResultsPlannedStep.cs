using ActionAgent.Flows.Definition;

namespace ActionAgent.Flows.Reporting;

/// <summary>A step as written.</summary>
public sealed record ResultsPlannedStep(int Index, string Text, bool IsExpectation, SourceLocation Location);
