using ActionAgent.Models.Cost;
using ActionAgent.Models.Middleware;
using ActionAgent.Models.Providers;

namespace ActionAgent.Models.Tests.Support;

/// <summary>Model options pointing at fake servers, with a made-up environment and fast retries.</summary>
internal static class TestModels
{
    public const string OpenAIKey = "sk-test-OPENAI-0123456789abcdefSECRET";
    public const string AnthropicKey = "sk-ant-test-ANTHROPIC-0123456789SECRET";
    public const string AzureKey = "azure-test-key-0123456789SECRET";

    public static ModelOptions Options(Uri? baseUrl, Dictionary<string, string>? env = null, ResilienceOptions? resilience = null, ModelPricing? pricing = null)
    {
        var environment = env ?? new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = OpenAIKey,
            ["ANTHROPIC_API_KEY"] = AnthropicKey,
            ["AZURE_OPENAI_API_KEY"] = AzureKey,
        };
        return new ModelOptions
        {
            BaseUrl = baseUrl?.ToString(),
            GetEnvironmentVariable = name => environment.TryGetValue(name, out var value) ? value : null,
            Resilience = resilience ?? FastRetries(),
            Pricing = pricing ?? new ModelPricing(),
        };
    }

    public static ResilienceOptions FastRetries(int maxRetries = 3) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };
}
