using ActionAgent.Core.Decision;
using ActionAgent.Models.Cost;
using ActionAgent.Models.Deciders;
using ActionAgent.Models.Providers;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Models.Tests.Live;

/// <summary>
/// Real providers, only when their key is set (Inconclusive otherwise): <c>dotnet test --filter TestCategory=Live</c>.
/// Models: ACTIONAGENT_LIVE_OPENAI_MODEL (default gpt-4.1-mini), ACTIONAGENT_LIVE_ANTHROPIC_MODEL (default claude-sonnet-4-5).
/// Each test makes one or two small calls with a 20,000-token budget.
/// </summary>
[TestClass]
public sealed class LiveProviderTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Live")]
    public async Task OpenAI_RefundFormStep_ProposesAValidActionOnTheForm()
    {
        var model = Environment.GetEnvironmentVariable("ACTIONAGENT_LIVE_OPENAI_MODEL") ?? "gpt-4.1-mini";
        await AssertDecidesAsync("OPENAI_API_KEY", $"openai:{model}");
    }

    [TestMethod]
    [TestCategory("Live")]
    public async Task Anthropic_RefundFormStep_ProposesAValidActionOnTheForm()
    {
        var model = Environment.GetEnvironmentVariable("ACTIONAGENT_LIVE_ANTHROPIC_MODEL") ?? "claude-sonnet-4-5";
        await AssertDecidesAsync("ANTHROPIC_API_KEY", $"anthropic:{model}");
    }

    private async Task AssertDecidesAsync(string keyVariable, string spec)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(keyVariable)))
        {
            Assert.Inconclusive($"{keyVariable} is not set: live test skipped");
        }

        using var factory = new ModelDeciderFactory(new ChatClientFactory(new ModelOptions()), new RunBudget(new Budget { MaxTokens = 20_000 }));
        var proposal = await factory.Create(spec).DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        TestContext.WriteLine($"{proposal.DecidedBy}: {proposal} ({proposal.Reason}); {proposal.Usage}");
        Assert.IsNull(ModelFailures.Classify((proposal.Action as FailAction)?.Reason), $"the model call failed: {proposal}");
        Assert.IsInstanceOfType<BrowserAction>(proposal.Action);
        Assert.IsTrue(proposal.Usage.InputTokens > 500, "the provider reported usage");
        if (proposal.Action.PrimaryTarget?.ElementId is { } id)
        {
            Assert.IsNotNull(SampleObservations.RefundForm(withScreenshot: false).Find(id), "the element exists");
        }
    }
}
