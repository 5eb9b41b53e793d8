using System.ClientModel;
using System.ClientModel.Primitives;
using ActionAgent.Models.Cost;
using ActionAgent.Models.Middleware;
using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;

namespace ActionAgent.Models.Providers;

/// <summary>
/// Builds an <see cref="IChatClient"/> for a <see cref="ModelSpec"/>: the provider's SDK client under ActionAgent's
/// middleware (outermost first): budget guard → usage accounting → resilience → Trace logging (redacted).
/// </summary>
public sealed class ChatClientFactory(ModelOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
{
    /// <summary>Default OpenAI base URL.</summary>
    public const string OpenAIDefaultUrl = "https://api.openai.com/v1";

    /// <summary>Default Anthropic base URL.</summary>
    public const string AnthropicDefaultUrl = "https://api.anthropic.com";

    /// <summary>Default Ollama OpenAI-compatible URL, used when OLLAMA_HOST is not set.</summary>
    public const string OllamaDefaultUrl = "http://127.0.0.1:11434/v1";

    /// <summary>Optional key variable for ollama and openai-compatible servers.</summary>
    public const string GenericKeyVariable = "ACTIONAGENT_API_KEY";

    private readonly ModelOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly ILoggerFactory _loggers = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>
    /// The client for <paramref name="spec"/>. Spending is counted in (and limited by) <paramref name="budget"/> when given.
    /// Throws <see cref="ModelConfigurationException"/> when a key, endpoint or base URL is missing.
    /// </summary>
    public IChatClient Create(ModelSpec spec, RunBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (endpoint, key) = Resolve(spec);
        var redactor = ModelKeyRedaction.For(key is null ? null : [key]);
        var http = new HttpClient(new ProviderHttpHandler(_time, spec.Provider == ModelProvider.Azure ? _options.AzureApiVersion : null))
        {
            // Polly's attempt timeout governs; HttpClient's own 100 s default would cut it short or fire twice.
            Timeout = Timeout.InfiniteTimeSpan,
        };

        IChatClient provider = spec.Provider == ModelProvider.Anthropic
            ? CreateAnthropic(spec, endpoint, key!, http)
            : CreateOpenAI(spec, endpoint, key, http);

        var builder = new ChatClientBuilder(provider);
        if (budget is not null)
        {
            builder.Use(inner => new BudgetGuardChatClient(inner, budget, spec, _options.Pricing, _options.TokenCounter));
        }

        return builder
            .Use(inner => new UsageAccountingChatClient(inner, spec, _options.Pricing, budget, _options.TokenCounter, _loggers.CreateLogger<UsageAccountingChatClient>()))
            .Use(inner => new ResilientChatClient(inner, _options.Resilience, endpoint, _time, _loggers.CreateLogger<ResilientChatClient>(), redactor))
            .Use(inner => new RedactingLoggingChatClient(inner, _loggers.CreateLogger<RedactingLoggingChatClient>(), spec.ToString(), redactor))
            .Use(inner => new OwningChatClient(inner, http))
            .Build();
    }

    /// <summary>Where <paramref name="spec"/> would be called and where its key comes from; throws like <see cref="Create"/>.</summary>
    public ModelEndpoint Describe(ModelSpec spec) => Resolve(spec).Endpoint;

    private (ModelEndpoint Endpoint, string? Key) Resolve(ModelSpec spec)
    {
        var env = _options.GetEnvironmentVariable;
        string? Env(string name) => env(name) is { Length: > 0 } v ? v.Trim() : null;
        var overrideUrl = _options.BaseUrl is { Length: > 0 } b ? b : Env(ModelOptions.BaseUrlVariable);

        string baseUrl;
        string? keyVariable;
        bool keyRequired;
        switch (spec.Provider)
        {
            case ModelProvider.OpenAI:
                baseUrl = overrideUrl ?? OpenAIDefaultUrl;
                keyVariable = _options.ApiKeyVariable ?? "OPENAI_API_KEY";
                keyRequired = true;
                break;
            case ModelProvider.Anthropic:
                baseUrl = overrideUrl ?? AnthropicDefaultUrl;
                keyVariable = _options.ApiKeyVariable ?? "ANTHROPIC_API_KEY";
                keyRequired = true;
                break;
            case ModelProvider.Ollama:
                baseUrl = overrideUrl ?? OllamaUrl(Env("OLLAMA_HOST")) ?? OllamaDefaultUrl;
                keyVariable = _options.ApiKeyVariable ?? GenericKeyVariable;
                keyRequired = false;
                break;
            case ModelProvider.OpenAICompatible:
                baseUrl = overrideUrl ?? throw new ModelConfigurationException(
                    $"{spec} needs a base URL: pass --base-url or set {ModelOptions.BaseUrlVariable} (for example http://127.0.0.1:8000/v1 for vLLM, http://127.0.0.1:1234/v1 for LM Studio)");
                keyVariable = _options.ApiKeyVariable ?? GenericKeyVariable;
                keyRequired = false;
                break;
            case ModelProvider.Azure:
                var azureEndpoint = overrideUrl ?? Env("AZURE_OPENAI_ENDPOINT") ?? throw new ModelConfigurationException(
                    $"{spec} needs the Azure OpenAI endpoint: set AZURE_OPENAI_ENDPOINT (for example https://my-resource.openai.azure.com)");
                baseUrl = $"{azureEndpoint.TrimEnd('/')}/openai/deployments/{Uri.EscapeDataString(spec.Model)}";
                keyVariable = _options.ApiKeyVariable ?? "AZURE_OPENAI_API_KEY";
                keyRequired = true;
                break;
            default:
                throw new ModelConfigurationException($"unknown model provider {spec.Provider}");
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ModelConfigurationException($"the base URL '{baseUrl}' for {spec} is not an http(s) URL; for example http://127.0.0.1:11434/v1");
        }

        var key = _options.ApiKeyVariable is null && spec.Provider is ModelProvider.Ollama or ModelProvider.OpenAICompatible
            ? Env(GenericKeyVariable)
            : Env(keyVariable);
        if (key is null && keyRequired)
        {
            throw new ModelConfigurationException(
                $"{spec} needs an API key: set the environment variable {keyVariable} (it is read from the environment only, never from files or arguments)");
        }

        return (new ModelEndpoint(spec, uri, key is null && !keyRequired ? null : keyVariable), key);
    }

    private static string? OllamaUrl(string? host)
    {
        // OLLAMA_HOST is usually "127.0.0.1:11434" (Ollama's own convention): add the scheme and the /v1 path.
        if (host is null)
        {
            return null;
        }

        var url = host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host;
        url = url.TrimEnd('/');
        return url.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? url : url + "/v1";
    }

    private IChatClient CreateOpenAI(ModelSpec spec, ModelEndpoint endpoint, string? key, HttpClient http)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint.BaseUrl,
            Transport = new HttpClientPipelineTransport(http),
            // ResilientChatClient retries; the SDK's own retries would multiply attempts and hide Retry-After.
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = _options.Resilience.AttemptTimeout + TimeSpan.FromSeconds(5),
        };

        // Local servers ignore the key, but the SDK insists on one.
        var credential = new ApiKeyCredential(key ?? "unused");
        return new OpenAI.Chat.ChatClient(spec.Model, credential, options).AsIChatClient();
    }

    private IChatClient CreateAnthropic(ModelSpec spec, ModelEndpoint endpoint, string key, HttpClient http)
    {
        var client = new AnthropicClient(new Anthropic.Core.ClientOptions
        {
            ApiKey = key,
            BaseUrl = endpoint.BaseUrl.ToString().TrimEnd('/'),
            HttpClient = http,
            MaxRetries = 0,
            Timeout = _options.Resilience.AttemptTimeout + TimeSpan.FromSeconds(5),
        });
        return client.AsIChatClient(spec.Model);
    }
}
