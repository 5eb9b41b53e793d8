using Microsoft.ML.Tokenizers;

namespace ActionAgent.Models.Cost;

/// <summary>Counts tokens with a real tokenizer (for example o200k_base from Microsoft.ML.Tokenizers.Data.O200kBase).</summary>
public sealed class TokenizerTokenCounter(Tokenizer tokenizer, string name) : ITokenCounter
{
    private readonly Tokenizer _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public int CountTokens(string text) => string.IsNullOrEmpty(text) ? 0 : _tokenizer.CountTokens(text);
}
