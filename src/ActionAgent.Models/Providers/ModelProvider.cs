namespace ActionAgent.Models.Providers;

/// <summary>The kinds of model endpoint ActionAgent can talk to.</summary>
public enum ModelProvider
{
    /// <summary>api.openai.com with OPENAI_API_KEY.</summary>
    OpenAI,

    /// <summary>Any server speaking the OpenAI chat-completions wire format at a base URL (vLLM, LM Studio, llama.cpp).</summary>
    OpenAICompatible,

    /// <summary>Ollama's OpenAI-compatible endpoint (OLLAMA_HOST, default http://127.0.0.1:11434/v1); no key needed.</summary>
    Ollama,

    /// <summary>Azure OpenAI: a deployment at AZURE_OPENAI_ENDPOINT with AZURE_OPENAI_API_KEY.</summary>
    Azure,

    /// <summary>Anthropic's Messages API with ANTHROPIC_API_KEY.</summary>
    Anthropic,
}
