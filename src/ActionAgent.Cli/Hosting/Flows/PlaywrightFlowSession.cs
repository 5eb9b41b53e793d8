using ActionAgent.Browser;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Flows.Running;
using Microsoft.Playwright;

namespace ActionAgent.Cli.Hosting.Flows;

/// <summary>One flow's browser session: its own Chromium context and page, perceiver, executor and verifier.</summary>
public sealed class PlaywrightFlowSession(BrowserSession session, Func<string, string> resolveSecrets, PerceptionFactory? perception = null, TimeSpan? settle = null) : IFlowSession
{
    private readonly BrowserSession _session = session;

    /// <inheritdoc />
    public IPerceiver Perceiver { get; } = perception?.CreatePerceiver(session) ?? session.CreatePerceiver();

    /// <inheritdoc />
    public IActionExecutor Executor { get; } = session.CreateExecutor(resolveSecrets, settle);

    /// <inheritdoc />
    public IOutcomeVerifier Verifier { get; } = perception?.CreateVerifier(session) ?? new PassThroughVerifier();

    /// <inheritdoc />
    public async Task NavigateAsync(string url, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _session.Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load }).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
