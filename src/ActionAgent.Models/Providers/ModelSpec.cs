namespace ActionAgent.Models.Providers;

/// <summary>
/// Which model to use, written <c>provider:model</c>: <c>openai:gpt-4.1-mini</c>, <c>anthropic:claude-sonnet-4-5</c>,
/// <c>ollama:qwen2.5vl:7b</c>, <c>openai-compatible:NAME</c> (with a base URL), <c>azure:DEPLOYMENT</c>.
/// </summary>
public sealed record ModelSpec(ModelProvider Provider, string Model)
{
    private static readonly (string Name, ModelProvider Provider)[] s_providers =
    [
        ("openai", ModelProvider.OpenAI),
        ("anthropic", ModelProvider.Anthropic),
        ("ollama", ModelProvider.Ollama),
        ("azure", ModelProvider.Azure),
        ("openai-compatible", ModelProvider.OpenAICompatible),
    ];

    private static readonly Dictionary<string, ModelProvider> s_aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["azure-openai"] = ModelProvider.Azure,
        ["compatible"] = ModelProvider.OpenAICompatible,
        ["claude"] = ModelProvider.Anthropic,
    };

    /// <summary>The provider's canonical name as written in specs ("openai", "openai-compatible", …).</summary>
    public string ProviderName => s_providers.First(p => p.Provider == Provider).Name;

    /// <summary>Parses <c>provider:model</c>; throws <see cref="ModelConfigurationException"/> with a clear message otherwise.</summary>
    public static ModelSpec Parse(string? text)
    {
        if (TryParse(text, out var spec, out var error))
        {
            return spec;
        }

        throw new ModelConfigurationException(error);
    }

    /// <summary>Parses <c>provider:model</c>; on failure <paramref name="error"/> says what was wrong.</summary>
    public static bool TryParse(string? text, out ModelSpec spec, out string error)
    {
        spec = null!;
        var known = string.Join(", ", s_providers.Select(p => p.Name));
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = $"no model given; write provider:model, for example openai:gpt-4.1-mini (providers: {known})";
            return false;
        }

        if (trimmed.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            error = "'auto' is not a single model: it routes between the offline interpreter, a small and a large model "
                + "(configure them as RoutingOptions.SmallModel and LargeModel)";
            return false;
        }

        // Only the first colon separates the provider: Ollama tags ("qwen2.5vl:7b") contain colons themselves.
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = $"model '{trimmed}' has no provider; write provider:model, for example openai:{trimmed} (providers: {known})";
            return false;
        }

        var providerText = trimmed[..colon].Trim();
        var model = trimmed[(colon + 1)..].Trim();
        ModelProvider? provider = s_providers.FirstOrDefault(p => p.Name.Equals(providerText, StringComparison.OrdinalIgnoreCase)) is { Name: not null } hit
            ? hit.Provider
            : s_aliases.TryGetValue(providerText, out var alias) ? alias : null;
        if (provider is null)
        {
            error = $"unknown model provider '{providerText}' in '{trimmed}'; use one of: {known} (for example openai:gpt-4.1-mini)";
            return false;
        }

        if (model.Length == 0)
        {
            error = $"no model name after '{providerText}:' in '{trimmed}'; for example {providerText}:{Example(provider.Value)}";
            return false;
        }

        spec = new ModelSpec(provider.Value, model);
        error = "";
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ProviderName}:{Model}";

    private static string Example(ModelProvider provider) => provider switch
    {
        ModelProvider.Anthropic => "claude-sonnet-4-5",
        ModelProvider.Ollama => "qwen2.5vl:7b",
        ModelProvider.Azure => "my-gpt-4o-deployment",
        ModelProvider.OpenAICompatible => "my-model",
        _ => "gpt-4.1-mini",
    };
}
