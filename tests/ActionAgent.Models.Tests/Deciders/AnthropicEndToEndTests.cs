using ActionAgent.Core.Decision;
using ActionAgent.Models.Cost;
using ActionAgent.Models.Deciders;
using ActionAgent.Models.Providers;
using ActionAgent.Models.Tests.Support;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Models.Tests.Deciders;

[TestClass]
public sealed class AnthropicEndToEndTests
{
    private const string Spec = "anthropic:claude-sonnet-4-5";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Decide_Anthropic_TypesIntoTheFieldAndCountsUsageAndCost()
    {
        await using var server = await FakeAnthropicServer.StartNewAsync();
        server.RequiredApiKey = TestModels.AnthropicKey;
        server.EnqueueMessage("""{"action":"type","element_id":14,"value":"49.90","reason":"amount from the task","confidence":0.92}""", inputTokens: 2000, outputTokens: 60);
        using var factory = new ModelDeciderFactory(new ChatClientFactory(TestModels.Options(server.BaseUrl)), new RunBudget());

        var proposal = await factory.Create(Spec).DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        var type = (TypeTextAction)proposal.Action;
        Assert.AreEqual("49.90", type.Text);
        Assert.AreEqual(14, type.Target!.ElementId);
        Assert.AreEqual("Amount", type.Target.Description);
        Assert.AreEqual(0.92, proposal.Confidence);
        Assert.AreEqual(Spec, proposal.DecidedBy);
        // claude-sonnet-4-5: $3 per 1M input, $15 per 1M output.
        Assert.AreEqual(new ModelUsage(Spec, 2000, 60, 0.0069m), proposal.Usage);
        Assert.AreEqual(1, factory.Budget.Spent.Calls);
    }

    [TestMethod]
    public async Task Decide_AnthropicKeyRejected_NamesAnthropicKeyVariable()
    {
        await using var server = await FakeAnthropicServer.StartNewAsync();
        server.RequiredApiKey = "sk-ant-another-key-0000000000";
        using var factory = new ModelDeciderFactory(new ChatClientFactory(TestModels.Options(server.BaseUrl)), new RunBudget());

        var proposal = await factory.Create(Spec).DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual(1, server.CallCount);
        StringAssert.Contains(((FailAction)proposal.Action).Reason, "rejected the API key (401 Unauthorized); check ANTHROPIC_API_KEY");
    }

    [TestMethod]
    public async Task Decide_AnthropicAnswersProseThenJson_Recovers()
    {
        await using var server = await FakeAnthropicServer.StartNewAsync();
        server.EnqueueMessage("Let me select the reason first.");
        server.EnqueueMessage("""{"action":"select","element_id":15,"value":"Damaged item","reason":"reason from the task","confidence":0.9}""");
        using var factory = new ModelDeciderFactory(new ChatClientFactory(TestModels.Options(server.BaseUrl)), new RunBudget());

        var proposal = await factory.Create(Spec).DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual("Damaged item", ((SelectOptionAction)proposal.Action).Option);
        StringAssert.Contains(server.Requests[1].Body, "not a valid action: it was not JSON");
    }
}
