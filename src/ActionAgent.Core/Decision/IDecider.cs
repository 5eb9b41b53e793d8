namespace ActionAgent.Core.Decision;

/// <summary>Chooses the next action for a task from what is on screen.</summary>
public interface IDecider
{
    /// <summary>A short name for recordings ("step-interpreter", "openai:gpt-4.1").</summary>
    string Name { get; }

    /// <summary>Proposes the next action. Expected failures are a <see cref="FailAction"/>, not an exception.</summary>
    Task<ProposedAction> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default);
}
