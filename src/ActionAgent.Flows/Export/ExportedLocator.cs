namespace ActionAgent.Flows.Export;

/// <summary>The locator chosen for a step: the strategy, the C# expression (null for coordinates) and the CSS point.</summary>
public sealed record ExportedLocator(LocatorStrategy Strategy, string? Expression, double X, double Y);
