using ActionAgent.Browser;
using ActionAgent.Browser.Tracing;
using ActionAgent.Flows.Running;
using ActionAgent.Hosting;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Cli.Hosting.Flows;

/// <summary>
/// Opens one isolated Playwright session per flow (its own browser process and context, so flows share no cookies
/// and one crashing flow cannot take the others down) and puts it under the governed <paramref name="pipeline"/>:
/// the same policy, approver, network guard, audit and secrets as <c>actionagent run</c>. With
/// <paramref name="perception"/> every flow sees the page as <c>--perception</c> says (one shared OCR engine);
/// without it, DOM only. With a <paramref name="trace"/> mode other than off, each flow records a Playwright trace.
/// </summary>
public sealed class PlaywrightFlowSessionFactory(
    AgentPipeline pipeline, BrowserSettings settings, ILoggerFactory loggerFactory, PerceptionFactory? perception = null, TraceMode trace = TraceMode.Off) : IFlowSessionFactory
{
    /// <inheritdoc />
    public async Task<IFlowSession> CreateAsync(string name, FlowSessionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var session = await BrowserSessionFactory.OpenAsync(settings, BrowserConnection.Launch, loggerFactory, cancellationToken).ConfigureAwait(false);
        try
        {
            var governed = await pipeline.GovernAsync(session, options.RunId, options.Task, options.Settle, cancellationToken).ConfigureAwait(false);
            await governed.StartTraceAsync(trace, $"{options.RunId}: {options.Task}").ConfigureAwait(false);
            return new PlaywrightFlowSession(session, governed, perception);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
