namespace ActionAgent.Browser.Tracing;

/// <summary>When a run or flow keeps a Playwright trace (<c>trace.zip</c> beside its recording).</summary>
public enum TraceMode
{
    /// <summary>No trace is recorded.</summary>
    Off,

    /// <summary>Every run keeps its trace.</summary>
    On,

    /// <summary>A trace is recorded and kept only when the run or flow did not succeed.</summary>
    RetainOnFailure,
}
