using ActionAgent.Browser;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Flows.Running;
using ActionAgent.Hosting;

namespace ActionAgent.Cli.Hosting.Flows;

/// <summary>One flow's browser session under the governed pipeline: its own Chromium, perceiver and verifier; loops from <see cref="GovernedSession"/>.</summary>
public sealed class PlaywrightFlowSession(BrowserSession session, GovernedSession governed, PerceptionFactory? perception = null) : IFlowSession
{
    private readonly IOutcomeVerifier _verifier = perception?.CreateVerifier(session) ?? new PassThroughVerifier();

    /// <inheritdoc />
    public IPerceiver Perceiver { get; } = perception?.CreatePerceiver(session) ?? session.CreatePerceiver();

    /// <summary>The governed session (policy, approver, guarded executor).</summary>
    public GovernedSession Governed => governed;

    /// <inheritdoc />
    public AgentLoop CreateLoop(IDecider decider, IRunRecorder recorder, AgentOptions options) =>
        governed.CreateLoop(Perceiver, decider, recorder, options, _verifier, checkInDom: perception?.ChecksInDom ?? true);

    /// <inheritdoc />
    public Task<string?> SaveTraceAsync(string? directory, bool failed) => governed.SaveTraceAsync(directory, failed);

    /// <inheritdoc />
    /// <remarks>Judged by the policy first (<see cref="GovernedSession.OpenAsync"/>): a flow's url and a replay's start are input.</remarks>
    public Task NavigateAsync(string url, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return governed.OpenAsync(url, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await governed.DisposeAsync().ConfigureAwait(false);
        await session.DisposeAsync().ConfigureAwait(false);
    }
}
