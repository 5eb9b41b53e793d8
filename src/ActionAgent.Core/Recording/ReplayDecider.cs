using ActionAgent.Core.Decision;

namespace ActionAgent.Core.Recording;

/// <summary>
/// Proposes the actions of a recording again, in order, with no model: the recorded action is enough to run.
/// Steps that were skipped (rejected, denied) are not replayed.
/// </summary>
public sealed class ReplayDecider : IDecider
{
    private readonly Queue<ProposedAction> _actions;

    /// <summary>Creates a replay of the recording's executed and terminal steps.</summary>
    public ReplayDecider(RunRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        _actions = new Queue<ProposedAction>(recording.Steps
            .Where(s => s.Proposal.Action.IsTerminal || s.Outcome.Status == Execution.OutcomeStatus.Succeeded)
            .Select(s => s.Proposal with { DecidedBy = "replay", Usage = ModelUsage.None }));
    }

    /// <inheritdoc />
    public string Name => "replay";

    /// <inheritdoc />
    public Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_actions.Count > 0
            ? _actions.Dequeue()
            : new ProposedAction(new FailAction("the recording has no more steps"), "replay exhausted") { DecidedBy = "replay" });
}
