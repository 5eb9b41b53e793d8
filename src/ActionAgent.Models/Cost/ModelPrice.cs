namespace ActionAgent.Models.Cost;

/// <summary>What a model charges, per one million input and output tokens (in the currency of the price list, USD by default).</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>A model that costs nothing (local models).</summary>
    public static ModelPrice Free { get; } = new(0m, 0m);

    /// <summary>The cost of a call with these token counts.</summary>
    public decimal Cost(long inputTokens, long outputTokens) =>
        (inputTokens * InputPerMillion + outputTokens * OutputPerMillion) / 1_000_000m;
}
