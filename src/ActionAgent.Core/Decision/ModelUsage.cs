using System.Text.Json.Serialization;

namespace ActionAgent.Core.Decision;

/// <summary>Tokens and money one decision cost (zero for offline deciders).</summary>
public sealed record ModelUsage(string Model, long InputTokens, long OutputTokens, decimal Cost)
{
    /// <summary>No model was called.</summary>
    public static ModelUsage None { get; } = new("", 0, 0, 0m);

    /// <summary>Total tokens.</summary>
    [JsonIgnore]
    public long TotalTokens => InputTokens + OutputTokens;
}
