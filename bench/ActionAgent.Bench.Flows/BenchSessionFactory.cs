using ActionAgent.Browser;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Flows.Running;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace ActionAgent.Bench.Flows;

/// <summary>One fresh Chromium per flow, as <c>actionagent test</c> does (the CLI's factory lives in the exe).</summary>
internal sealed class BenchSessionFactory(BrowserSettings settings) : IFlowSessionFactory
{
    public async Task<IFlowSession> CreateAsync(string name, CancellationToken cancellationToken = default) =>
        new Session(await BrowserSessionFactory.OpenAsync(settings, BrowserConnection.Launch, NullLoggerFactory.Instance, cancellationToken));

    private sealed class Session(BrowserSession session) : IFlowSession
    {
        public IPerceiver Perceiver { get; } = session.CreatePerceiver();

        public IActionExecutor Executor { get; } = session.CreateExecutor(t => t.Replace("{{secret:OPS_PASSWORD}}", "ops-pass", StringComparison.Ordinal));

        public IOutcomeVerifier Verifier { get; } = new PassThroughVerifier();

        public Task NavigateAsync(string url, CancellationToken cancellationToken = default) =>
            session.Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        public ValueTask DisposeAsync() => session.DisposeAsync();
    }
}
