using ActionAgent.Core.Decision;

namespace ActionAgent.Models.Output;

/// <summary>A model answer after validation: an action, a request for another element page, or an error to feed back.</summary>
public sealed record ParsedReply
{
    /// <summary>The action, when the answer was valid and named one.</summary>
    public BrowserAction? Action { get; init; }

    /// <summary>The model's short reason.</summary>
    public string Reason { get; init; } = "";

    /// <summary>The model's confidence, 0..1 (0.7 when it gave none).</summary>
    public double Confidence { get; init; } = 0.7;

    /// <summary>The element-list page the model asked to see, for more_elements.</summary>
    public int? RequestedPage { get; init; }

    /// <summary>What was wrong with the answer, in words the model can act on; null when valid.</summary>
    public string? Error { get; init; }

    /// <summary>True when the answer is an action to return.</summary>
    public bool IsAction => Action is not null && Error is null;

    /// <summary>An invalid answer.</summary>
    public static ParsedReply Invalid(string error) => new() { Error = error };
}
