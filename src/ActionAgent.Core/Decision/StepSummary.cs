using ActionAgent.Core.Execution;

namespace ActionAgent.Core.Decision;

/// <summary>A compact account of one earlier step, given back to the decider as history.</summary>
public sealed record StepSummary(int Step, string Action, string Outcome, bool Succeeded)
{
    /// <summary>The instruction the step carried out, when known.</summary>
    public string? StepText { get; init; }

    /// <summary>The action's kind ("click", "type", "wait", ...), when known.</summary>
    public string? ActionKind { get; init; }

    /// <summary>Why the step did not succeed, as a value (<see cref="FailureKind.None"/> when it did, or when not known).</summary>
    public FailureKind Failure { get; init; }

    /// <summary>What confirmed the step's effect (<see cref="ActionOutcome.Checks"/>), when anything did.</summary>
    public IReadOnlyList<string>? Checks { get; init; }

    /// <summary>The JavaScript dialogs the step's action raised and how each was answered, when it raised any.</summary>
    public IReadOnlyList<AnsweredDialog>? Dialogs { get; init; }

    /// <summary>The risk class the policy gave the action (null when it never reached the policy).</summary>
    public Policy.RiskClass? Risk { get; init; }
}
