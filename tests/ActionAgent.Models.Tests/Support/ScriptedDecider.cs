using ActionAgent.Core.Decision;

namespace ActionAgent.Models.Tests.Support;

/// <summary>A decider that returns queued proposals and counts its calls.</summary>
internal sealed class ScriptedDecider(string name, params ProposedAction[] proposals) : IDecider
{
    private readonly Queue<ProposedAction> _proposals = new(proposals);

    public string Name { get; } = name;

    public int Calls { get; private set; }

    public Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(_proposals.Count > 0
            ? _proposals.Dequeue()
            : new ProposedAction(new FailAction($"{Name}: nothing scripted"), "script empty"));
    }
}
