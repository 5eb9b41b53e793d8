using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;

namespace ActionAgent.TestKit.Fakes;

/// <summary>Records every executed action; answers with a configurable outcome.</summary>
public sealed class FakeExecutor : IActionExecutor
{
    /// <summary>Executed actions, in order.</summary>
    public List<BrowserAction> Executed { get; } = [];

    /// <summary>Outcome for each action (default: success).</summary>
    public Func<BrowserAction, ActionOutcome> Outcome { get; set; } = _ => ActionOutcome.Success();

    /// <inheritdoc />
    public Task<ActionOutcome> ExecuteAsync(ProposedAction proposal, Observation observation, CancellationToken cancellationToken = default)
    {
        Executed.Add(proposal.Action);
        return Task.FromResult(Outcome(proposal.Action));
    }
}
