using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Perception;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.Models.Cost;
using ActionAgent.Models.Deciders;
using ActionAgent.Models.Providers;
using ActionAgent.Models.Tests.Support;
using ActionAgent.TestKit.Fakes;
using ActionAgent.TestKit.FakeServers;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Models.Tests.Deciders;

/// <summary>ChatClientDecider as the IDecider of Core's AgentLoop (page, policy and executor faked; model over HTTP).</summary>
[TestClass]
public sealed class AgentLoopIntegrationTests
{
    private const string Spec = "openai:gpt-4.1-mini";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Run_ModelTypesThenSaysDone_CompletesWithUsageAndPromptVersionRecorded()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueCompletion(Replies.Action("type", elementId: 11, value: "Jane Doe"), promptTokens: 1400, completionTokens: 50);
        server.EnqueueCompletion(Replies.Action("done", value: "refund requested"), promptTokens: 1500, completionTokens: 30);
        var recorder = new MemoryRunRecorder();
        var executor = new SucceedingExecutor();
        using var factory = new ModelDeciderFactory(new ChatClientFactory(TestModels.Options(server.ApiBaseUrl)), new RunBudget());
        var decider = factory.CreateModel(ModelSpec.Parse(Spec));
        var loop = Loop(decider, executor, recorder);
        foreach (var (key, value) in decider.Versions)
        {
            loop.Versions[key] = value;
        }

        var result = await loop.RunAsync(new RunRequest("Request a refund") { RunId = "run-loop-1" }, TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Completed, result.Status, result.Message);
        Assert.AreEqual("refund requested", result.Message);
        Assert.AreEqual(2, result.Steps);
        Assert.AreEqual(1400 + 50 + 1500 + 30, result.Tokens);
        Assert.AreEqual("type \"Jane Doe\" into #11 \"Full name\"", executor.Executed.Single());
        Assert.AreEqual("act-v3", recorder.Manifest!.Versions["prompt"]);
        Assert.AreEqual(Spec, recorder.Manifest.Decider);
        Assert.IsTrue(recorder.Steps.All(s => s.Proposal.DecidedBy == Spec));
        StringAssert.Contains(UserText(server.Requests[1]), "1. type 'Jane Doe' into #11 'Full name' -> ok: done", "the loop's history reaches the prompt");
    }

    [TestMethod]
    public async Task Run_CallBudgetSpent_FailsTheRunWithTheBudgetReason()
    {
        await using var server = await FakeOpenAIServer.StartNewAsync();
        server.EnqueueCompletion(Replies.Action("type", elementId: 11, value: "Jane Doe"));
        using var factory = new ModelDeciderFactory(new ChatClientFactory(TestModels.Options(server.ApiBaseUrl)), new RunBudget(new Budget { MaxCalls = 1 }));

        var result = await Loop(factory.CreateModel(ModelSpec.Parse(Spec)), new SucceedingExecutor(), new MemoryRunRecorder())
            .RunAsync(new RunRequest("Request a refund"), TestContext.CancellationToken);

        Assert.AreEqual(RunStatus.Failed, result.Status);
        Assert.AreEqual(ModelFailures.BudgetExceeded, ModelFailures.Classify(result.Message), result.Message);
        Assert.AreEqual(FailureKind.BudgetExceeded, result.Failure, "the kind, not the message, decides the exit code");
        Assert.AreEqual(1, server.CallCount);
    }

    private static AgentLoop Loop(IDecider decider, IActionExecutor executor, IRunRecorder recorder) =>
        new(new AgentParts
        {
            Perceiver = new FixedPerceiver(), Decider = decider, Policy = new AllowAll(), Approver = AutoApprover.ApproveAll, Executor = executor,
            Recorder = recorder, Options = new AgentOptions { MaxSteps = 5 },
        });

    private static string UserText(RecordedRequest request)
    {
        using var json = request.Json();
        return json.RootElement.GetProperty("messages")[1].GetProperty("content")[0].GetProperty("text").GetString()!;
    }

    private sealed class FixedPerceiver : IPerceiver
    {
        public Task<Observation> ObserveAsync(CancellationToken cancellationToken = default) => Task.FromResult(SampleObservations.RefundForm());
    }

    private sealed class AllowAll : IActionPolicy
    {
        public Verdict Evaluate(ProposedAction proposal, Observation observation) => Verdict.Allow(RiskClass.Input);
    }

    private sealed class SucceedingExecutor : IActionExecutor
    {
        public List<string> Executed { get; } = [];

        public Task<ActionOutcome> ExecuteAsync(ProposedAction proposal, Observation observation, CancellationToken cancellationToken = default)
        {
            Executed.Add(proposal.Action.Describe());
            return Task.FromResult(ActionOutcome.Success());
        }
    }
}
