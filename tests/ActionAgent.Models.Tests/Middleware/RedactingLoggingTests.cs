using ActionAgent.Models.Deciders;
using ActionAgent.Models.Providers;
using ActionAgent.Models.Tests.Support;
using ActionAgent.TestKit.FakeServers;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Models.Tests.Middleware;

[TestClass]
public sealed class RedactingLoggingTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task TraceLog_ShowsPromptButNeitherKeyNorImageBytes()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueError(500, $"upstream echoed Bearer {TestModels.OpenAIKey}");
        server.EnqueueCompletion(Replies.Action("click", elementId: SampleObservations.SubmitId));
        var loggers = new ListLoggerFactory(LogLevel.Trace);
        using var client = new ChatClientFactory(TestModels.Options(server.ApiBaseUrl), loggers).Create(ModelSpec.Parse("openai:gpt-4.1-mini"));

        await new ChatClientDecider(client, "openai:gpt-4.1-mini").DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        var log = loggers.All;
        StringAssert.Contains(log, "31 button \"Submit refund\"", "the prompt is logged at Trace");
        StringAssert.Contains(log, "[image/png ", "images appear as type and size");
        Assert.IsFalse(log.Contains(TestModels.OpenAIKey, StringComparison.Ordinal), "the key must never be logged");
        Assert.IsFalse(log.Contains("iVBOR", StringComparison.Ordinal) || log.Contains("/9j/", StringComparison.Ordinal), "no base64 image bytes in logs");
        StringAssert.Contains(log, "{{secret:MODEL_API_KEY}}", "the echoed key was masked");
    }

    [TestMethod]
    public async Task InformationLog_HoldsNoPageText()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueCompletion(Replies.Action("click", elementId: SampleObservations.SubmitId));
        var loggers = new ListLoggerFactory(LogLevel.Information);
        using var client = new ChatClientFactory(TestModels.Options(server.ApiBaseUrl), loggers).Create(ModelSpec.Parse("openai:gpt-4.1-mini"));

        await new ChatClientDecider(client, "openai:gpt-4.1-mini").DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.IsFalse(loggers.All.Contains("Submit refund", StringComparison.Ordinal), loggers.All);
    }
}
