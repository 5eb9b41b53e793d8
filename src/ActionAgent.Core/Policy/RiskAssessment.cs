using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Policy;

/// <summary>
/// How the engine classified one proposed action: the risk class, the signal that decided it (a rule name such as
/// "form-submit"), why, the element it targets and, for navigation, where it goes.
/// </summary>
public sealed record RiskAssessment(RiskClass Risk, string Signal, string Reason)
{
    /// <summary>The element the action works on, when it could be resolved.</summary>
    public UiElement? Target { get; init; }

    /// <summary>The text that identifies the target (label, text, button value, target description).</summary>
    public string TargetText { get; init; } = "";

    /// <summary>The destination URL of a navigation or link click, resolved against the page.</summary>
    public string? DestinationUrl { get; init; }

    /// <summary>True when the action types a credential (password field, secret field or a secret reference).</summary>
    public bool InvolvesCredential { get; init; }

    /// <summary>Secret names referenced by the action's text (<c>{{secret:NAME}}</c>).</summary>
    public IReadOnlyList<string> SecretNames { get; init; } = [];

    /// <summary>The value typed or chosen, for value patterns.</summary>
    public string? Value { get; init; }
}
