namespace ActionAgent.Core.Policy;

/// <summary>
/// Replaces every registered secret value in a text (plain, or in one of its encoded forms) with its
/// <c>{{secret:NAME}}</c> reference, before the text reaches a model, a recording, the console or a log.
/// </summary>
public interface ISecretRedaction
{
    /// <summary>The text with every secret value replaced by its reference; "" for null.</summary>
    string Redact(string? text);
}
