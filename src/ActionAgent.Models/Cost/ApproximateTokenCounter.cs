namespace ActionAgent.Models.Cost;

/// <summary>
/// Estimates tokens as characters divided by <see cref="CharsPerToken"/> (default 3.3: ActionAgent prompts measured
/// 3.33 chars per o200k_base token; English prose is nearer 4, element lists full of numbers nearer 3). For budget checks.
/// </summary>
public sealed class ApproximateTokenCounter(double charsPerToken = 3.3) : ITokenCounter
{
    /// <summary>A shared instance with the default ratio.</summary>
    public static ApproximateTokenCounter Default { get; } = new();

    /// <summary>Characters per token.</summary>
    public double CharsPerToken { get; } = charsPerToken > 0 ? charsPerToken : throw new ArgumentOutOfRangeException(nameof(charsPerToken));

    /// <inheritdoc />
    public string Name => FormattableString.Invariant($"approx chars/{CharsPerToken:0.0#}");

    /// <inheritdoc />
    public int CountTokens(string text) => string.IsNullOrEmpty(text) ? 0 : (int)Math.Ceiling(text.Length / CharsPerToken);
}
