using ActionAgent.Models.Cost;
using ActionAgent.Models.Middleware;

namespace ActionAgent.Models.Providers;

/// <summary>
/// How to reach a model. Keys come from environment variables (OPENAI_API_KEY, ANTHROPIC_API_KEY, AZURE_OPENAI_API_KEY);
/// base URLs from <see cref="BaseUrl"/>, then ACTIONAGENT_BASE_URL, then the provider's default.
/// </summary>
public sealed class ModelOptions
{
    /// <summary>Environment variable that overrides every provider's base URL.</summary>
    public const string BaseUrlVariable = "ACTIONAGENT_BASE_URL";

    /// <summary>Base URL of the endpoint (for openai-compatible: required, e.g. http://127.0.0.1:8000/v1). Default: none.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Environment variable holding the key, instead of the provider's usual one. Default: none (OPENAI_API_KEY,
    /// ANTHROPIC_API_KEY, AZURE_OPENAI_API_KEY; ACTIONAGENT_API_KEY, optional, for ollama and openai-compatible).
    /// </summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>Azure OpenAI api-version query value. Default "2024-10-21".</summary>
    public string AzureApiVersion { get; set; } = "2024-10-21";

    /// <summary>Retries and timeouts.</summary>
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>Prices per 1M tokens.</summary>
    public ModelPricing Pricing { get; set; } = new();

    /// <summary>Counts tokens for budget estimates. Default: <see cref="ApproximateTokenCounter.Default"/>.</summary>
    public ITokenCounter TokenCounter { get; set; } = ApproximateTokenCounter.Default;

    /// <summary>Reads environment variables; tests replace it. Default: <see cref="Environment.GetEnvironmentVariable(string)"/>.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;
}
