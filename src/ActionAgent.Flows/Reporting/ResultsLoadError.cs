namespace ActionAgent.Flows.Reporting;

/// <summary>A file that did not load.</summary>
public sealed record ResultsLoadError(string Path, string Message);
