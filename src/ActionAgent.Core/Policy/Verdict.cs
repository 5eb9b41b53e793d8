using System.Text.Json.Serialization;

namespace ActionAgent.Core.Policy;

/// <summary>The policy's answer for one proposed action: the kind, the risk class, the rule that fired and why.</summary>
public sealed record Verdict(VerdictKind Kind, RiskClass Risk, string Rule, string Reason)
{
    /// <summary>True when a reviewer must approve first.</summary>
    [JsonIgnore]
    public bool NeedsApproval => Kind == VerdictKind.RequireApproval;

    /// <summary>True when the action may never run.</summary>
    [JsonIgnore]
    public bool IsDenied => Kind == VerdictKind.Deny;

    /// <summary>An allow verdict.</summary>
    public static Verdict Allow(RiskClass risk, string rule = "default", string reason = "allowed") => new(VerdictKind.Allow, risk, rule, reason);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} ({Risk}, rule {Rule}): {Reason}";
}
