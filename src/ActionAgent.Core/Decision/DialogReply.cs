using System.Text.Json.Serialization;

namespace ActionAgent.Core.Decision;

/// <summary>
/// How to answer a JavaScript dialog (alert, confirm, prompt) that an action raises: accept it (OK), with
/// <see cref="Text"/> typed into a prompt, or dismiss it (Cancel). An action without one accepts what it raises.
/// </summary>
public sealed record DialogReply(bool Accept, string? Text = null)
{
    /// <summary>Accept (OK), the default for an approved action.</summary>
    public static DialogReply Ok { get; } = new(true);

    /// <summary>Dismiss (Cancel).</summary>
    public static DialogReply Cancel { get; } = new(false);

    /// <summary>Text to type into a prompt before accepting it; may hold <c>{{secret:NAME}}</c> references. Null for none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; } = Text;

    /// <summary>"accept", "dismiss" or "answer "Ann"": for descriptions and recordings.</summary>
    public string Describe() => !Accept ? "dismiss" : Text is null ? "accept" : $"answer \"{Text}\"";
}
