namespace ActionAgent.Flows.Definition;

/// <summary>The flows of a folder that loaded, and the files that did not (they are reported, the others still run).</summary>
public sealed record FlowLoadResult(IReadOnlyList<FlowDefinition> Flows, IReadOnlyList<FlowLoadError> Errors);
