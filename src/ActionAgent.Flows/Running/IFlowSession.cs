using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;

namespace ActionAgent.Flows.Running;

/// <summary>
/// One isolated browser context for one flow (or one replay), already under the governed pipeline: it sees the page,
/// navigates to the start URL, and builds agent loops whose policy, approver and executor are the pipeline's (flows
/// and replays choose only the decider, the recorder and the limits). Disposing closes the context.
/// </summary>
public interface IFlowSession : IAsyncDisposable
{
    /// <summary>Observes the session's page.</summary>
    IPerceiver Perceiver { get; }

    /// <summary>An agent loop over this session with the pipeline's policy, approver, executor and verifier.</summary>
    AgentLoop CreateLoop(IDecider decider, IRunRecorder recorder, AgentOptions options);

    /// <summary>Goes to an absolute URL and waits for the page to load.</summary>
    Task NavigateAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the session's Playwright trace, keeping it (trace.zip) in <paramref name="directory"/> when its mode says so
    /// for a flow that <paramref name="failed"/> or not; the file's path, or null (no trace, or not kept).
    /// </summary>
    Task<string?> SaveTraceAsync(string? directory, bool failed) => Task.FromResult<string?>(null);
}
