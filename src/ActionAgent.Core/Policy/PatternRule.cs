using System.Text.RegularExpressions;

namespace ActionAgent.Core.Policy;

/// <summary>
/// A regular expression on some text of the action or page that sets a verdict. Deny and require_approval patterns make a
/// verdict stricter; an allow pattern relaxes the action-class rule (never a denied domain or a built-in floor).
/// </summary>
public sealed record PatternRule(string Name, Regex Pattern, VerdictKind Verdict)
{
    /// <summary>What the pattern is matched against. Default: the target.</summary>
    public PatternScope On { get; init; } = PatternScope.Target;

    /// <summary>Risk class to report when the pattern fires (for example destructive for "refund"); null keeps the computed one.</summary>
    public RiskClass? Risk { get; init; }

    /// <summary>Action classes the pattern applies to; empty means every class except read.</summary>
    public IReadOnlyList<RiskClass> AppliesTo { get; init; } = [];

    /// <summary>Why, in words, for the reviewer and the decider; defaults to a description of the match.</summary>
    public string? Reason { get; init; }

    /// <summary>True when the pattern applies to actions of this class.</summary>
    public bool AppliesToClass(RiskClass risk) => AppliesTo.Count == 0 ? risk != RiskClass.Read : AppliesTo.Contains(risk);
}
