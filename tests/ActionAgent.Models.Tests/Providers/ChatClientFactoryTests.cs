using ActionAgent.Models.Deciders;
using ActionAgent.Models.Providers;
using ActionAgent.Models.Tests.Support;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Models.Tests.Providers;

[TestClass]
public sealed class ChatClientFactoryTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("openai:gpt-4.1-mini", "OPENAI_API_KEY")]
    [DataRow("anthropic:claude-sonnet-4-5", "ANTHROPIC_API_KEY")]
    [DataRow("azure:my-deployment", "AZURE_OPENAI_API_KEY")]
    public void Create_KeyMissing_NamesTheVariable(string spec, string variable)
    {
        var env = new Dictionary<string, string> { ["AZURE_OPENAI_ENDPOINT"] = "https://example.openai.azure.com" };
        var factory = new ChatClientFactory(TestModels.Options(null, env));

        var e = Assert.ThrowsExactly<ModelConfigurationException>(() => factory.Create(ModelSpec.Parse(spec)));

        StringAssert.Contains(e.Message, $"set the environment variable {variable}");
    }

    [TestMethod]
    public void Create_AzureWithoutEndpoint_NamesAzureEndpointVariable()
    {
        var factory = new ChatClientFactory(TestModels.Options(null));

        var e = Assert.ThrowsExactly<ModelConfigurationException>(() => factory.Create(ModelSpec.Parse("azure:gpt4o")));

        StringAssert.Contains(e.Message, "AZURE_OPENAI_ENDPOINT");
    }

    [TestMethod]
    public void Create_CompatibleWithoutBaseUrl_AsksForOne()
    {
        var factory = new ChatClientFactory(TestModels.Options(null));

        var e = Assert.ThrowsExactly<ModelConfigurationException>(() => factory.Create(ModelSpec.Parse("openai-compatible:llava")));

        StringAssert.Contains(e.Message, "--base-url");
        StringAssert.Contains(e.Message, "ACTIONAGENT_BASE_URL");
    }

    [TestMethod]
    public void Create_BaseUrlNotHttp_SaysSo()
    {
        var factory = new ChatClientFactory(TestModels.Options(new Uri("ftp://example.com/v1")));

        var e = Assert.ThrowsExactly<ModelConfigurationException>(() => factory.Create(ModelSpec.Parse("openai:gpt-4o")));

        StringAssert.Contains(e.Message, "is not an http(s) URL");
    }

    [TestMethod]
    [DataRow(null, "http://127.0.0.1:11434/v1")]
    [DataRow("127.0.0.1:11500", "http://127.0.0.1:11500/v1")]
    [DataRow("http://gpu-box:11434", "http://gpu-box:11434/v1")]
    [DataRow("http://gpu-box:11434/v1/", "http://gpu-box:11434/v1")]
    public void Describe_Ollama_UsesOllamaHostWithSchemeAndV1(string? host, string expected)
    {
        var env = new Dictionary<string, string>();
        if (host is not null)
        {
            env["OLLAMA_HOST"] = host;
        }

        var endpoint = new ChatClientFactory(TestModels.Options(null, env)).Describe(ModelSpec.Parse("ollama:qwen2.5vl:7b"));

        Assert.AreEqual(new Uri(expected), endpoint.BaseUrl);
        Assert.IsNull(endpoint.ApiKeyVariable, "ollama needs no key");
    }

    [TestMethod]
    public void Describe_BaseUrlVariable_OverridesTheProviderDefault()
    {
        var env = new Dictionary<string, string> { ["OPENAI_API_KEY"] = TestModels.OpenAIKey, ["ACTIONAGENT_BASE_URL"] = "http://127.0.0.1:9999/v1" };

        var endpoint = new ChatClientFactory(TestModels.Options(null, env)).Describe(ModelSpec.Parse("openai:gpt-4o"));

        Assert.AreEqual(new Uri("http://127.0.0.1:9999/v1"), endpoint.BaseUrl);
        Assert.AreEqual("OPENAI_API_KEY", endpoint.ApiKeyVariable);
        Assert.IsFalse(endpoint.ToString().Contains(TestModels.OpenAIKey, StringComparison.Ordinal), "the endpoint description never shows the key");
    }

    [TestMethod]
    public async Task Azure_Request_UsesDeploymentPathApiVersionAndApiKeyHeader()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueCompletion(Replies.Action("click", elementId: SampleObservations.SubmitId));
        var env = new Dictionary<string, string> { ["AZURE_OPENAI_ENDPOINT"] = server.BaseUrl.ToString(), ["AZURE_OPENAI_API_KEY"] = TestModels.AzureKey };
        var options = TestModels.Options(null, env);
        options.AzureApiVersion = "2024-10-21";
        using var client = new ChatClientFactory(options).Create(ModelSpec.Parse("azure:gpt4o-prod"));

        var proposal = await new ChatClientDecider(client, "azure:gpt4o-prod").DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        var request = server.Requests.Single();
        Assert.AreEqual("/openai/deployments/gpt4o-prod/chat/completions?api-version=2024-10-21", request.PathAndQuery);
        Assert.AreEqual(TestModels.AzureKey, request.Header("api-key"));
        Assert.IsNull(request.Header("Authorization"), "Azure keys go in api-key, not a bearer token");
        Assert.AreEqual("click", proposal.Action.Kind);
    }

    [TestMethod]
    public async Task Ollama_WithoutKey_CallsOllamaHost()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueCompletion(Replies.Action("click", elementId: SampleObservations.SubmitId));
        var env = new Dictionary<string, string> { ["OLLAMA_HOST"] = $"127.0.0.1:{server.BaseUrl.Port}" };
        using var client = new ChatClientFactory(TestModels.Options(null, env)).Create(ModelSpec.Parse("ollama:qwen2.5vl:7b"));

        var proposal = await new ChatClientDecider(client, "ollama:qwen2.5vl:7b").DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual("/v1/chat/completions", server.Requests.Single().PathAndQuery);
        StringAssert.Contains(server.Requests[0].Body, "\"model\":\"qwen2.5vl:7b\"");
        Assert.AreEqual("click", proposal.Action.Kind);
        Assert.AreEqual(0m, proposal.Usage.Cost, "local models are free");
    }
}
