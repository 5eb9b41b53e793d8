using Microsoft.Playwright;

namespace ActionAgent.Eval;

/// <summary>Does nothing and claims nothing: proves that no check passes on the untouched page (must score 0 %).</summary>
public sealed class NullAgent : IEvalAgent
{
    /// <inheritdoc />
    public string Name => "null";

    /// <inheritdoc />
    public Task<AgentRun> RunAsync(EvalTask task, IPage page, string cdpUrl, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AgentRun("NoClaim", null, "did nothing", 0));
}
