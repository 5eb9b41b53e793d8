namespace ActionAgent.Models.Cost;

/// <summary>Counts the text tokens of a string, exactly (a real tokenizer) or approximately.</summary>
public interface ITokenCounter
{
    /// <summary>What counts ("approx chars/3.6", "o200k_base").</summary>
    string Name { get; }

    /// <summary>Tokens in <paramref name="text"/>.</summary>
    int CountTokens(string text);
}
