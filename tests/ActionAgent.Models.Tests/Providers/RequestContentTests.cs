using System.Text.Json;
using ActionAgent.Models.Deciders;
using ActionAgent.Models.Imaging;
using ActionAgent.Models.Providers;
using ActionAgent.Models.Tests.Support;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Models.Tests.Providers;

/// <summary>What goes over the wire: the screenshot, the answer schema, the key only in the auth header.</summary>
[TestClass]
public sealed class RequestContentTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task OpenAI_Request_CarriesImageAndStrictSchemaAndNoSecret()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.RequiredApiKey = TestModels.OpenAIKey;
        server.EnqueueCompletion(Replies.Action("click", elementId: SampleObservations.SubmitId));
        using var client = new ChatClientFactory(TestModels.Options(server.ApiBaseUrl)).Create(ModelSpec.Parse("openai:gpt-4.1-mini"));

        var proposal = await new ChatClientDecider(client, "openai:gpt-4.1-mini").DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual("click", proposal.Action.Kind, "the key was accepted and the answer used");
        var request = server.Requests.Single();
        Assert.AreEqual($"Bearer {TestModels.OpenAIKey}", request.Header("Authorization"));
        AssertNoSecret(request, "Authorization", TestModels.OpenAIKey);

        using var body = request.Json();
        var root = body.RootElement;
        Assert.AreEqual("gpt-4.1-mini", root.GetProperty("model").GetString());
        var format = root.GetProperty("response_format");
        Assert.AreEqual("json_schema", format.GetProperty("type").GetString());
        Assert.AreEqual("browser_action", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.IsTrue(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        var required = format.GetProperty("json_schema").GetProperty("schema").GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToList();
        CollectionAssert.Contains(required, "element_id");

        var user = root.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "user");
        var image = user.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "image_url");
        var url = image.GetProperty("image_url").GetProperty("url").GetString()!;
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        AssertScreenshot(url[5..url.IndexOf(';', StringComparison.Ordinal)], url[(comma + 1)..]);
        var text = user.GetProperty("content").EnumerateArray().First(c => c.GetProperty("type").GetString() == "text").GetProperty("text").GetString()!;
        StringAssert.Contains(text, "31 button \"Submit refund\"");
        StringAssert.Contains(text, "<page_content>");
    }

    [TestMethod]
    public async Task Anthropic_Request_CarriesBase64ImageBlockAndSchemaAndNoSecret()
    {
        await using var server = await FakeAnthropicServer.StartNewAsync();
        server.RequiredApiKey = TestModels.AnthropicKey;
        server.EnqueueMessage(Replies.Action("click", elementId: SampleObservations.SubmitId));
        using var client = new ChatClientFactory(TestModels.Options(server.BaseUrl)).Create(ModelSpec.Parse("anthropic:claude-sonnet-4-5"));

        var proposal = await new ChatClientDecider(client, "anthropic:claude-sonnet-4-5").DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual("click", proposal.Action.Kind, "the key was accepted and the answer used");
        var request = server.Requests.Single();
        Assert.AreEqual("/v1/messages", request.PathAndQuery);
        Assert.IsNotNull(request.Header("anthropic-version"), "the SDK sends anthropic-version");
        var auth = request.Header("x-api-key") ?? request.Header("Authorization");
        Assert.IsNotNull(auth, "the key travels in an auth header");
        StringAssert.Contains(auth, TestModels.AnthropicKey);
        AssertNoSecret(request, request.Header("x-api-key") is null ? "Authorization" : "x-api-key", TestModels.AnthropicKey);

        using var body = request.Json();
        var root = body.RootElement;
        Assert.AreEqual("claude-sonnet-4-5", root.GetProperty("model").GetString());
        Assert.AreEqual(400, root.GetProperty("max_tokens").GetInt32());
        StringAssert.Contains(root.GetProperty("system").ToString(), "You operate a web browser");
        var format = root.GetProperty("output_config").GetProperty("format");
        Assert.AreEqual("json_schema", format.GetProperty("type").GetString());
        Assert.AreEqual(JsonValueKind.Object, format.GetProperty("schema").GetProperty("properties").GetProperty("action").ValueKind);
        var blocks = root.GetProperty("messages")[0].GetProperty("content").EnumerateArray().ToList();
        var image = blocks.Single(b => b.GetProperty("type").GetString() == "image").GetProperty("source");
        Assert.AreEqual("base64", image.GetProperty("type").GetString());
        AssertScreenshot(image.GetProperty("media_type").GetString()!, image.GetProperty("data").GetString()!);
    }

    /// <summary>The image is the observation's 1280×720 screenshot, labelled with its true media type.</summary>
    private static void AssertScreenshot(string mediaType, string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        Assert.AreEqual(ImageDimensions.MediaType(bytes), mediaType);
        Assert.IsTrue(ImageDimensions.TryRead(bytes, out var width, out var height), "the image decodes");
        Assert.AreEqual((1280, 720), (width, height));
    }

    private static void AssertNoSecret(RecordedRequest request, string authHeader, string key)
    {
        Assert.IsFalse(request.Body.Contains(key, StringComparison.Ordinal), "the API key must not appear in the request body");
        Assert.IsFalse(request.HeadersExcept(authHeader).Contains(key, StringComparison.Ordinal), "the API key must appear only in the auth header");
        Assert.IsFalse(request.Body.Contains("SECRET", StringComparison.Ordinal), "no part of the key leaks into the body");
    }
}
