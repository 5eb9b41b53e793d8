using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;

namespace ActionAgent.Flows.Running;

/// <summary>
/// One isolated browser context for one flow (or one replay): what the agent loop needs to see and act, plus
/// navigation to the start URL. Implemented with Playwright by the composition root; disposing closes the context.
/// </summary>
public interface IFlowSession : IAsyncDisposable
{
    /// <summary>Observes the session's page.</summary>
    IPerceiver Perceiver { get; }

    /// <summary>Acts on the session's page.</summary>
    IActionExecutor Executor { get; }

    /// <summary>Checks what an action did (a <see cref="PassThroughVerifier"/> when there is no vision).</summary>
    IOutcomeVerifier Verifier { get; }

    /// <summary>Goes to an absolute URL and waits for the page to load.</summary>
    Task NavigateAsync(string url, CancellationToken cancellationToken = default);
}
