using ActionAgent.Core.Decision;
using ActionAgent.Models.Deciders;
using ActionAgent.Models.Middleware;
using ActionAgent.Models.Providers;
using ActionAgent.Models.Tests.Support;
using ActionAgent.TestKit.FakeServers;
using Microsoft.Extensions.AI;

namespace ActionAgent.Models.Tests.Middleware;

[TestClass]
public sealed class ResilienceTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Decide_429ThenSuccess_RetriesAndReturnsTheAction()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueError(429, "Rate limit reached", "rate_limit_exceeded");
        server.EnqueueCompletion(Replies.Action("click", elementId: SampleObservations.SubmitId));

        var proposal = await DecideAsync(server);

        Assert.AreEqual(2, server.CallCount);
        Assert.AreEqual("click", proposal.Action.Kind);
    }

    [TestMethod]
    public async Task Decide_500And503ThenSuccess_RetriesTwice()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueError(500);
        server.EnqueueError(503);
        server.EnqueueCompletion(Replies.Action("click", elementId: SampleObservations.SubmitId));

        var proposal = await DecideAsync(server);

        Assert.AreEqual(3, server.CallCount);
        Assert.AreEqual("click", proposal.Action.Kind);
    }

    [TestMethod]
    public async Task Decide_401_StopsAtOnceAndNamesTheKeyVariable()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.RequiredApiKey = "sk-the-right-key-000000000000";

        var proposal = await DecideAsync(server);

        Assert.AreEqual(1, server.CallCount, "401 is not retried");
        var fail = (FailAction)proposal.Action;
        StringAssert.StartsWith(fail.Reason, ModelFailures.ModelCallFailed);
        StringAssert.Contains(fail.Reason, "rejected the API key (401 Unauthorized); check OPENAI_API_KEY");
        Assert.IsFalse(fail.Reason.Contains(TestModels.OpenAIKey, StringComparison.Ordinal));
        Assert.AreEqual("openai:gpt-4.1-mini", proposal.DecidedBy);
    }

    [TestMethod]
    public async Task Decide_403_StopsAtOnceAndSaysAccess()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueError(403, "Project does not have access to model", "permission_denied");

        var fail = (FailAction)(await DecideAsync(server)).Action;

        Assert.AreEqual(1, server.CallCount);
        StringAssert.Contains(fail.Reason, "403 Forbidden");
        StringAssert.Contains(fail.Reason, "Project does not have access to model");
    }

    [TestMethod]
    public async Task Decide_404_SaysTheModelNameMayBeUnknown()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueError(404, "The model `gpt-9` does not exist", "model_not_found");

        var fail = (FailAction)(await DecideAsync(server, "openai:gpt-9")).Action;

        Assert.AreEqual(1, server.CallCount);
        StringAssert.Contains(fail.Reason, "does not know model 'gpt-9'");
    }

    [TestMethod]
    public async Task Decide_Persistent429_GivesUpAfterAllRetries()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.Fallback = new ScriptedReply(429, """{"error":{"message":"slow down","type":"rate_limit_exceeded"}}""");

        var fail = (FailAction)(await DecideAsync(server)).Action;

        Assert.AreEqual(4, server.CallCount, "1 attempt + 3 retries");
        StringAssert.Contains(fail.Reason, "still rate limited (429) after 4 attempts");
    }

    [TestMethod]
    public async Task Decide_RetryAfterMs_WaitsExactlyWhatTheProviderAsked()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueError(429, headers: new Dictionary<string, string> { ["retry-after-ms"] = "70" });
        server.EnqueueCompletion(Replies.Action("click", elementId: SampleObservations.SubmitId));
        var delays = new List<TimeSpan>();
        var resilience = TestModels.FastRetries();
        resilience.OnRetry = (_, delay, _) => delays.Add(delay);

        await DecideAsync(server, resilience: resilience);

        Assert.AreEqual(TimeSpan.FromMilliseconds(70), delays.Single());
    }

    [TestMethod]
    public async Task Decide_RetryAfterLongerThanAllowed_StopsAndSaysHowLong()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueError(429, headers: new Dictionary<string, string> { ["Retry-After"] = "120" });

        var fail = (FailAction)(await DecideAsync(server)).Action;

        Assert.AreEqual(1, server.CallCount);
        StringAssert.Contains(fail.Reason, "asks to wait 120 s, longer than the 30 s this agent waits");
    }

    [TestMethod]
    public async Task Decide_EndpointDown_SaysItCouldNotReachIt()
    {
        Uri deadUrl;
        await using (var server = await FakeOpenAIServer.StartNewAsync())
        {
            deadUrl = server.ApiBaseUrl;
        }

        var options = TestModels.Options(deadUrl, resilience: TestModels.FastRetries(1));
        using var client = new ChatClientFactory(options).Create(ModelSpec.Parse("openai:gpt-4.1-mini"));
        var proposal = await new ChatClientDecider(client, "openai:gpt-4.1-mini").DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        var fail = (FailAction)proposal.Action;
        StringAssert.Contains(fail.Reason, $"could not reach {deadUrl}");
        StringAssert.Contains(fail.Reason, "after 2 attempts");
    }

    [TestMethod]
    public async Task Decide_NoAnswerInTime_TimesOutPerAttempt()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.Fallback = new ScriptedReply(200, "{}") { Delay = TimeSpan.FromSeconds(10) };
        var resilience = TestModels.FastRetries(1);

        // Long enough for each request to reach the server on a loaded machine (300 ms was not, in a CI run with the
        // CLI suite beside it), far shorter than the server's delay.
        resilience.AttemptTimeout = TimeSpan.FromMilliseconds(1500);

        var fail = (FailAction)(await DecideAsync(server, resilience: resilience)).Action;

        Assert.AreEqual(2, server.CallCount);
        StringAssert.Contains(fail.Reason, "no answer within");
    }

    [TestMethod]
    public async Task Decide_CallerCancels_ThrowsInsteadOfFailing()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.Fallback = new ScriptedReply(200, "{}") { Delay = TimeSpan.FromSeconds(5) };
        using var client = new ChatClientFactory(TestModels.Options(server.ApiBaseUrl)).Create(ModelSpec.Parse("openai:gpt-4.1-mini"));
        using var cts = new CancellationTokenSource();

        var decide = new ChatClientDecider(client, "openai:gpt-4.1-mini").DecideAsync(SampleObservations.RefundContext(), cts.Token);
        for (var i = 0; i < 500 && server.CallCount == 0; i++)
        {
            await Task.Delay(10, TestContext.CancellationToken);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(() => decide);
        await Task.Delay(100, TestContext.CancellationToken);
        Assert.AreEqual(1, server.CallCount, "a cancelled call is not retried");
    }

    [TestMethod]
    public async Task Anthropic_529Overloaded_IsRetried()
    {
        await using var server = await FakeAnthropicServer.StartNewAsync();
        server.EnqueueError(529, "overloaded_error", "Overloaded");
        server.EnqueueMessage(Replies.Action("click", elementId: SampleObservations.SubmitId));
        using var client = new ChatClientFactory(TestModels.Options(server.BaseUrl)).Create(ModelSpec.Parse("anthropic:claude-sonnet-4-5"));

        var proposal = await new ChatClientDecider(client, "anthropic:claude-sonnet-4-5").DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual(2, server.CallCount);
        Assert.AreEqual("click", proposal.Action.Kind);
    }

    [TestMethod]
    public async Task ResilientClient_FailedForGood_ThrowsModelCallExceptionWithKindAndStatus()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueError(401);
        using var client = new ChatClientFactory(TestModels.Options(server.ApiBaseUrl)).Create(ModelSpec.Parse("openai:gpt-4.1-mini"));

        var e = await Assert.ThrowsExactlyAsync<ModelCallException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.CancellationToken));

        Assert.AreEqual(ModelErrorKind.Unauthorized, e.Kind);
        Assert.AreEqual(401, e.StatusCode);
        Assert.AreEqual(1, e.Attempts);
    }

    [TestMethod]
    [DataRow("7", 7.0)]
    [DataRow("0", 0.0)]
    [DataRow("Wed, 01 Jan 2025 12:00:30 GMT", 30.0)]
    public void ParseRetryAfter_SecondsOrHttpDate_GivesTheWait(string value, double seconds)
    {
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.AreEqual(TimeSpan.FromSeconds(seconds), ProviderResponseProbe.ParseRetryAfter(value, now));
    }

    private async Task<ProposedAction> DecideAsync(FakeOpenAIServer server, string spec = "openai:gpt-4.1-mini", ResilienceOptions? resilience = null)
    {
        using var client = new ChatClientFactory(TestModels.Options(server.ApiBaseUrl, resilience: resilience)).Create(ModelSpec.Parse(spec));
        return await new ChatClientDecider(client, spec).DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);
    }
}
