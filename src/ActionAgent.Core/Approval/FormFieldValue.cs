namespace ActionAgent.Core.Approval;

/// <summary>
/// One field a held action's form would submit, as a reviewer reads it: its label (or name), type and value.
/// <see cref="Masked"/> fields (passwords, secret fields, declared secret values) carry <see cref="MaskedValue"/>, never the value.
/// </summary>
public sealed record FormFieldValue(string Label, string Type, string Value)
{
    /// <summary>What a masked value is shown as.</summary>
    public const string MaskedValue = "••••••";

    /// <summary>True when the value was hidden from the reviewer (password, secret field or declared secret).</summary>
    public bool Masked { get; init; }
}
