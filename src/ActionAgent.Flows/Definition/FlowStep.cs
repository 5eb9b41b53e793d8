using ActionAgent.Flows.Expectations;

namespace ActionAgent.Flows.Definition;

/// <summary>
/// One entry of a flow's <c>steps:</c> list: either an instruction in plain English ("Click Sign in"), carried out by
/// the decider, or an expectation (<c>- expect: the URL ends with /orders</c>) checked on the page without a model.
/// </summary>
public sealed record FlowStep(int Index, SourceLocation Location)
{
    /// <summary>The instruction, variables substituted and secret references left as written; null for an expectation.</summary>
    public string? Instruction { get; init; }

    /// <summary>The expectation, when this entry is one.</summary>
    public Expectation? Expectation { get; init; }

    /// <summary>True when the entry is an expectation rather than an instruction.</summary>
    public bool IsExpectation => Expectation is not null;

    /// <summary>The instruction or the expectation as written, for progress and reports.</summary>
    public string Text => Instruction ?? Expectation?.Source ?? "";

    /// <inheritdoc />
    public override string ToString() => IsExpectation ? $"expect: {Text}" : Text;
}
