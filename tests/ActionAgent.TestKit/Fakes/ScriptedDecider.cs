using ActionAgent.Core.Decision;

namespace ActionAgent.TestKit.Fakes;

/// <summary>A decider that proposes a fixed list of actions in order, then fails; it keeps every context it was given.</summary>
public sealed class ScriptedDecider(params BrowserAction[] actions) : IDecider
{
    private readonly Queue<BrowserAction> _actions = new(actions);

    /// <summary>Every context the loop passed in, in order.</summary>
    public List<DecisionContext> Contexts { get; } = [];

    /// <summary>Optional delay before answering (to exercise step timeouts).</summary>
    public TimeSpan Delay { get; init; }

    /// <inheritdoc />
    public string Name => "scripted";

    /// <inheritdoc />
    public async Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        Contexts.Add(context);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        var action = _actions.Count > 0 ? _actions.Dequeue() : new FailAction("script exhausted");
        return new ProposedAction(action, "scripted") { DecidedBy = Name };
    }
}
