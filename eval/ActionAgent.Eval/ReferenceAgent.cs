using System.Diagnostics;
using Microsoft.Playwright;

namespace ActionAgent.Eval;

/// <summary>Runs each task's scripted Playwright solution: proves every check can pass (must score 100 %).</summary>
public sealed class ReferenceAgent : IEvalAgent
{
    /// <inheritdoc />
    public string Name => "reference";

    /// <inheritdoc />
    public async Task<AgentRun> RunAsync(EvalTask task, IPage page, string cdpUrl, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await StepRunner.RunAsync(page, task.Reference, cancellationToken);
            return new AgentRun("Completed", 0, $"{task.Reference.Count} scripted steps", clock.Elapsed.TotalSeconds);
        }
        catch (InvalidOperationException e)
        {
            return new AgentRun("Failed", 1, e.Message, clock.Elapsed.TotalSeconds);
        }
    }
}
