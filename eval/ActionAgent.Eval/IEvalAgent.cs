using Microsoft.Playwright;

namespace ActionAgent.Eval;

/// <summary>Something that attempts a task in the page the harness opened (null, reference or the ActionAgent CLI).</summary>
public interface IEvalAgent
{
    /// <summary>The agent's name as given to --agent.</summary>
    string Name { get; }

    /// <summary>Attempts the task in <paramref name="page"/> (reachable over CDP at <paramref name="cdpUrl"/>).</summary>
    Task<AgentRun> RunAsync(EvalTask task, IPage page, string cdpUrl, CancellationToken cancellationToken = default);
}
