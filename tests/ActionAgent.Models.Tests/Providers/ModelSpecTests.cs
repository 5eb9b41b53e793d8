using ActionAgent.Models.Providers;

namespace ActionAgent.Models.Tests.Providers;

[TestClass]
public sealed class ModelSpecTests
{
    [TestMethod]
    [DataRow("openai:gpt-4.1-mini", ModelProvider.OpenAI, "gpt-4.1-mini")]
    [DataRow("anthropic:claude-sonnet-4-5", ModelProvider.Anthropic, "claude-sonnet-4-5")]
    [DataRow("ollama:qwen2.5vl:7b", ModelProvider.Ollama, "qwen2.5vl:7b")]
    [DataRow("openai-compatible:my-model", ModelProvider.OpenAICompatible, "my-model")]
    [DataRow("azure:gpt4o-prod", ModelProvider.Azure, "gpt4o-prod")]
    [DataRow(" OpenAI : gpt-4o ", ModelProvider.OpenAI, "gpt-4o")]
    public void Parse_KnownProviders_SplitsAtTheFirstColon(string text, ModelProvider provider, string model)
    {
        var spec = ModelSpec.Parse(text);

        Assert.AreEqual(provider, spec.Provider);
        Assert.AreEqual(model, spec.Model);
    }

    [TestMethod]
    public void ToString_OllamaTag_RoundTrips()
    {
        Assert.AreEqual("ollama:qwen2.5vl:7b", ModelSpec.Parse("ollama:qwen2.5vl:7b").ToString());
        Assert.AreEqual("openai-compatible:x", ModelSpec.Parse("compatible:x").ToString());
    }

    [TestMethod]
    public void Parse_UnknownProvider_NamesItAndListsTheKnownOnes()
    {
        var e = Assert.ThrowsExactly<ModelConfigurationException>(() => ModelSpec.Parse("gemini:pro-vision"));

        StringAssert.Contains(e.Message, "unknown model provider 'gemini'");
        StringAssert.Contains(e.Message, "openai, anthropic, ollama, azure, openai-compatible");
    }

    [TestMethod]
    public void Parse_NoProvider_SuggestsThePrefix()
    {
        var e = Assert.ThrowsExactly<ModelConfigurationException>(() => ModelSpec.Parse("gpt-4o"));

        StringAssert.Contains(e.Message, "openai:gpt-4o");
    }

    [TestMethod]
    public void Parse_NoModelName_GivesAnExample()
    {
        var e = Assert.ThrowsExactly<ModelConfigurationException>(() => ModelSpec.Parse("anthropic:"));

        StringAssert.Contains(e.Message, "no model name");
        StringAssert.Contains(e.Message, "anthropic:claude-sonnet-4-5");
    }

    [TestMethod]
    public void Parse_Auto_ExplainsThatItRoutes()
    {
        var e = Assert.ThrowsExactly<ModelConfigurationException>(() => ModelSpec.Parse("auto"));

        StringAssert.Contains(e.Message, "routes");
    }

    [TestMethod]
    public void TryParse_Empty_ReturnsFalseWithHelp()
    {
        Assert.IsFalse(ModelSpec.TryParse("  ", out _, out var error));
        StringAssert.Contains(error, "provider:model");
    }
}
