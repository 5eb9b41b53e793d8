namespace ActionAgent.Flows.Definition;

/// <summary>A flow file that could not be loaded, and why (the message carries file:line:col).</summary>
public sealed record FlowLoadError(string Path, string Message);
