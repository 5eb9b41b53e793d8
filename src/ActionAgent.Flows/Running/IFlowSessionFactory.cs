namespace ActionAgent.Flows.Running;

/// <summary>Creates a fresh, isolated session (new browser context) per flow, so flows can run in parallel.</summary>
public interface IFlowSessionFactory
{
    /// <summary>Creates a session; <paramref name="name"/> is the flow's name, for logs and traces.</summary>
    Task<IFlowSession> CreateAsync(string name, FlowSessionOptions options, CancellationToken cancellationToken = default);
}
