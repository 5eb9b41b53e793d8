namespace ActionAgent.Flows.Running;

/// <summary>Receives progress of a test run (the CLI renders it). Called from several workers at once: must be thread-safe.</summary>
public interface IFlowProgress
{
    /// <summary>Reports one event.</summary>
    void Report(FlowProgressEvent update);
}
