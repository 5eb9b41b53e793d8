using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Models.Cost;
using ActionAgent.Models.Deciders;
using ActionAgent.Models.Providers;
using ActionAgent.Models.Tests.Support;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Models.Tests.Deciders;

[TestClass]
public sealed class RoutingDeciderTests
{
    public TestContext TestContext { get; set; } = null!;

    private static ProposedAction Click(int id, double confidence, string by, long tokens = 0) =>
        new(new ClickAction(ActionTarget.Element(id)), "test")
        {
            Confidence = confidence,
            DecidedBy = by,
            Usage = tokens == 0 ? ModelUsage.None : new ModelUsage(by, tokens, 10, tokens / 1_000_000m),
        };

    [TestMethod]
    public async Task Decide_InterpreterConfident_NoModelIsAsked()
    {
        var interpreter = new ScriptedDecider("step-interpreter", Click(9, 0.95, "step-interpreter"));
        var small = new ScriptedDecider("small");
        var large = new ScriptedDecider("large");

        var proposal = await new RoutingDecider(interpreter, small, large).DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual("step-interpreter", proposal.DecidedBy);
        Assert.AreEqual(0, small.Calls + large.Calls);
        Assert.AreEqual(0, proposal.Usage.TotalTokens);
    }

    [TestMethod]
    public async Task Decide_InterpreterUnsureOrWaiting_AsksTheSmallModel()
    {
        var interpreter = new ScriptedDecider(
            "step-interpreter",
            Click(9, 0.6, "step-interpreter"),
            new ProposedAction(new WaitAction(TimeSpan.FromSeconds(1)), "waiting") { Confidence = 1, DecidedBy = "step-interpreter" });
        var small = new ScriptedDecider("small", Click(9, 0.9, "small"), Click(10, 0.9, "small"));
        var large = new ScriptedDecider("large");
        var router = new RoutingDecider(interpreter, small, large);

        var first = await router.DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);
        var second = await router.DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual("small", first.DecidedBy, "confidence 0.6 is below the 0.8 threshold");
        Assert.AreEqual("small", second.DecidedBy, "a wait is never a confident grounding");
        Assert.AreEqual(0, large.Calls);
    }

    [TestMethod]
    public async Task Decide_SmallUnsure_EscalatesAndAddsUpUsage()
    {
        var small = new ScriptedDecider("small", Click(9, 0.3, "small", tokens: 1000));
        var large = new ScriptedDecider("large", Click(31, 0.9, "large", tokens: 2000));

        var proposal = await new RoutingDecider(null, small, large).DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual("large", proposal.DecidedBy);
        Assert.AreEqual(31, ((ClickAction)proposal.Action).Target.ElementId);
        Assert.AreEqual(3000, proposal.Usage.InputTokens, "the small model's tokens are still counted");
        Assert.AreEqual("small+large", proposal.Usage.Model);
    }

    [TestMethod]
    public async Task Decide_SmallFails_Escalates()
    {
        var small = new ScriptedDecider("small", new ProposedAction(new FailAction("invalid model output: small gave no valid action in 3 attempts"), "invalid") { DecidedBy = "small" });
        var large = new ScriptedDecider("large", Click(31, 0.9, "large"));

        var proposal = await new RoutingDecider(null, small, large).DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual("large", proposal.DecidedBy);
    }

    [TestMethod]
    public async Task Decide_SmallOutOfBudget_DoesNotEscalate()
    {
        var small = new ScriptedDecider("small", new ProposedAction(new FailAction("budget exceeded: the run has made 10 of its 10 allowed model calls") { Failure = FailureKind.BudgetExceeded }, "budget") { DecidedBy = "small" });
        var large = new ScriptedDecider("large");

        var proposal = await new RoutingDecider(null, small, large).DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual(0, large.Calls);
        StringAssert.StartsWith(((FailAction)proposal.Action).Reason, "budget exceeded:");
    }

    [TestMethod]
    public async Task Decide_LastStepFailed_GoesStraightToTheLargeModel()
    {
        var small = new ScriptedDecider("small");
        var large = new ScriptedDecider("large", Click(31, 0.9, "large"));
        var history = new[] { new StepSummary(1, "click #31", "element covered by a dialog", Succeeded: false) };

        var proposal = await new RoutingDecider(null, small, large).DecideAsync(SampleObservations.RefundContext(step: 2, history: history), TestContext.CancellationToken);

        Assert.AreEqual("large", proposal.DecidedBy);
        Assert.AreEqual(0, small.Calls);
    }

    [TestMethod]
    public async Task Decide_RealModels_SmallKeepsAnsweringBadly_LargeModelDecides()
    {
        await using var smallServer = await FakeOpenAIServer.StartNewAsync();
        await using var largeServer = await FakeOpenAIServer.StartNewAsync();
        smallServer.Fallback = new ScriptedReply(200, """{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"I think the submit button"},"finish_reason":"stop"}],"usage":{"prompt_tokens":900,"completion_tokens":8,"total_tokens":908}}""");
        largeServer.EnqueueCompletion(Replies.Action("click", elementId: SampleObservations.SubmitId), promptTokens: 1000, completionTokens: 40);
        var budget = new RunBudget();
        var routing = new RoutingOptions { SmallModel = "openai:gpt-4.1-mini", LargeModel = "openai-compatible:big" };
        var env = new Dictionary<string, string> { ["OPENAI_API_KEY"] = TestModels.OpenAIKey };
        var smallFactory = new ChatClientFactory(TestModels.Options(smallServer.ApiBaseUrl, env));
        var largeFactory = new ChatClientFactory(TestModels.Options(largeServer.ApiBaseUrl, env));
        var small = new ChatClientDecider(smallFactory.Create(ModelSpec.Parse(routing.SmallModel), budget), routing.SmallModel, budget: budget);
        var large = new ChatClientDecider(largeFactory.Create(ModelSpec.Parse(routing.LargeModel), budget), routing.LargeModel, budget: budget);
        var interpreter = new ScriptedDecider("step-interpreter", new ProposedAction(new FailAction("no step matches"), "no match") { Confidence = 0 });

        var proposal = await new RoutingDecider(interpreter, small, large, routing).DecideAsync(SampleObservations.RefundContext(), TestContext.CancellationToken);

        Assert.AreEqual("openai-compatible:big", proposal.DecidedBy);
        Assert.AreEqual(3, smallServer.CallCount, "the small model had its 3 attempts");
        Assert.AreEqual(1, largeServer.CallCount);
        Assert.AreEqual(3 * 900 + 1000, proposal.Usage.InputTokens);
        Assert.AreEqual(4, budget.Spent.Calls, "one budget for the whole run");
    }

    [TestMethod]
    public void Name_ListsTheRoute()
    {
        var router = new RoutingDecider(new ScriptedDecider("step-interpreter"), new ScriptedDecider("openai:gpt-4.1-mini"), new ScriptedDecider("openai:gpt-4.1"));

        Assert.AreEqual("auto(step-interpreter|openai:gpt-4.1-mini|openai:gpt-4.1)", router.Name);
    }
}
