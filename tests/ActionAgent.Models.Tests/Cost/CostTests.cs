using ActionAgent.Models.Cost;
using ActionAgent.Models.Providers;
using ActionAgent.TestKit.FakeServers;
using Microsoft.Extensions.AI;

namespace ActionAgent.Models.Tests.Cost;

[TestClass]
public sealed class CostTests
{
    [TestMethod]
    public void Find_DatedSnapshot_MatchesTheLongestPrefix()
    {
        var pricing = new ModelPricing();

        Assert.AreEqual(new ModelPrice(0.15m, 0.60m), pricing.Find("gpt-4o-mini-2024-07-18"));
        Assert.AreEqual(new ModelPrice(2.50m, 10.00m), pricing.Find("gpt-4o-2024-08-06"));
        Assert.IsNull(pricing.Find("mystery-model"));
    }

    [TestMethod]
    public void Find_OllamaModel_IsFreeUnlessPriced()
    {
        var pricing = new ModelPricing();
        pricing.Prices["ollama:llava:34b"] = new ModelPrice(0.01m, 0.01m);

        Assert.AreEqual(ModelPrice.Free, pricing.Find(ModelSpec.Parse("ollama:qwen2.5vl:7b")));
        Assert.AreEqual(new ModelPrice(0.01m, 0.01m), pricing.Find(ModelSpec.Parse("ollama:llava:34b")));
    }

    [TestMethod]
    public void Cost_PerMillionTokens()
    {
        Assert.AreEqual(0.0069m, new ModelPrice(3m, 15m).Cost(2000, 60));
    }

    [TestMethod]
    public void Refusal_WithinLimits_IsNull()
    {
        var budget = new RunBudget(new Budget { MaxTokens = 10_000, MaxCost = 1m, MaxCalls = 5 });
        budget.CountCall();
        budget.Record(3000, 100, 0.01m);

        Assert.IsNull(budget.Refusal(2000, 400, 0.01m));
    }

    [TestMethod]
    public void Refusal_OverTokens_SaysHowManyAreNeededAndLeft()
    {
        var budget = new RunBudget(new Budget { MaxTokens = 10_000 });
        budget.Record(9000, 200, 0m);

        Assert.AreEqual(
            "budget exceeded: the next model call needs about 2,400 tokens but only 800 of the run's 10,000 are left (0 calls, 9,200 tokens, $0); raise the token limit or simplify the task",
            budget.Refusal(2000, 400, 0m));
    }

    [TestMethod]
    public void BeginRun_NewRunId_ResetsSpending()
    {
        var budget = new RunBudget();
        budget.BeginRun("a");
        budget.Record(100, 10, 0.1m);
        budget.BeginRun("a");
        Assert.AreEqual(110, budget.Spent.TotalTokens, "same run keeps counting");

        budget.BeginRun("b");

        Assert.AreEqual(BudgetSpending.Zero, budget.Spent);
    }

    [TestMethod]
    [DataRow(1280, 720, ModelProvider.OpenAI, 1105)]
    [DataRow(2560, 1440, ModelProvider.OpenAI, 1105)]
    [DataRow(1280, 720, ModelProvider.Anthropic, 1229)]
    [DataRow(2560, 1440, ModelProvider.Anthropic, 1600)]
    public void ImageTokens_FollowTheProvidersRules(int width, int height, ModelProvider provider, int tokens)
    {
        Assert.AreEqual(tokens, RequestTokenEstimator.ImageTokens(width, height, provider));
    }

    [TestMethod]
    public void Estimate_TextAndImage_AddsBoth()
    {
        var png = TestPng.Create(1280, 720);
        var message = new ChatMessage(ChatRole.User, [new TextContent(new string('a', 360)), new DataContent(png, "image/png")]);

        var tokens = RequestTokenEstimator.Estimate([message], ModelProvider.OpenAI, new ApproximateTokenCounter(3.6));

        Assert.AreEqual(RequestTokenEstimator.PerMessageOverhead + 100 + 1105, tokens);
    }
}
