namespace ActionAgent.Flows.Running;

/// <summary>How a flow or replay session should behave, beyond the browser settings.</summary>
public sealed record FlowSessionOptions
{
    /// <summary>
    /// Longest the executor waits after an action for the page's network to go quiet; null keeps the browser
    /// settings' <c>settleMs</c>. Flows and replays wait for what their next step needs (its target, an
    /// expectation, the recorded screen) instead of for every background request.
    /// </summary>
    public TimeSpan? Settle { get; init; }

    /// <summary>The run id of the flow or replay, carried into audit entries and held requests. Default "flow".</summary>
    public string RunId { get; init; } = "flow";

    /// <summary>What the session is for (the flow's name or the replayed task), for held requests. Default empty.</summary>
    public string Task { get; init; } = "";
}
