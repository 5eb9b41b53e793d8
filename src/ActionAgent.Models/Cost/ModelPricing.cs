using ActionAgent.Models.Providers;

namespace ActionAgent.Models.Cost;

/// <summary>
/// Prices per 1M input/output tokens, by model name ("gpt-4.1-mini") or full spec ("openai:gpt-4.1-mini").
/// Default: the list prices (USD) of common OpenAI and Anthropic models when this was written; local providers
/// (ollama) are free. Override or add entries in configuration: prices change.
/// </summary>
public sealed class ModelPricing
{
    /// <summary>Prices by model name or spec; looked up exactly, then by the longest matching prefix (dated snapshots).</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4.1"] = new(2.00m, 8.00m),
        ["gpt-4.1-mini"] = new(0.40m, 1.60m),
        ["gpt-4.1-nano"] = new(0.10m, 0.40m),
        ["gpt-4o"] = new(2.50m, 10.00m),
        ["gpt-4o-mini"] = new(0.15m, 0.60m),
        ["gpt-5"] = new(1.25m, 10.00m),
        ["gpt-5-mini"] = new(0.25m, 2.00m),
        ["gpt-5-nano"] = new(0.05m, 0.40m),
        ["claude-opus-4-1"] = new(15.00m, 75.00m),
        ["claude-sonnet-4-5"] = new(3.00m, 15.00m),
        ["claude-sonnet-4"] = new(3.00m, 15.00m),
        ["claude-haiku-4-5"] = new(1.00m, 5.00m),
        ["claude-3-5-haiku"] = new(0.80m, 4.00m),
    };

    /// <summary>The price of a model, or null when none is known (its cost is then counted as 0).</summary>
    public ModelPrice? Find(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (Prices.TryGetValue(spec.ToString(), out var bySpec))
        {
            return bySpec;
        }

        if (spec.Provider == ModelProvider.Ollama)
        {
            return Find(spec.Model) ?? ModelPrice.Free;
        }

        return Find(spec.Model);
    }

    /// <summary>The price of a model name, exact or by longest prefix ("gpt-4o-mini-2024-07-18" → "gpt-4o-mini"), or null.</summary>
    public ModelPrice? Find(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Prices.TryGetValue(model, out var exact))
        {
            return exact;
        }

        return Prices
            .Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }
}
