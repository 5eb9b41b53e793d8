using ActionAgent.Core.Approval;
using ActionAgent.Core.Decision;
using ActionAgent.Core.Execution;
using ActionAgent.Core.Policy;
using ActionAgent.Core.Recording;
using ActionAgent.Core.Runtime;
using ActionAgent.TestKit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionAgent.Core.Tests.Runtime;

[TestClass]
public sealed class AgentLoopTests
{
    private string _root = "";

    [TestInitialize]
    public void Init() => _root = Directory.CreateTempSubdirectory("aa-loop-").FullName;

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    private (AgentLoop Loop, FakeExecutor Executor, FakeApprover Approver, FakePerceiver Perceiver) Build(
        IDecider decider, Func<ApprovalRequest, ApprovalDecision>? approve = null, AgentOptions? options = null)
    {
        var executor = new FakeExecutor();
        var approver = new FakeApprover(approve ?? (_ => ApprovalDecision.Approve("tester")));
        var perceiver = new FakePerceiver(_ => Pages.RefundForm());
        var loop = new AgentLoop(perceiver, decider, new IrreversibleActionPolicy(), approver, executor, new PassThroughVerifier(),
            new JsonRunRecorder(_root), options ?? new AgentOptions(), TimeProvider.System, NullLogger<AgentLoop>.Instance);
        return (loop, executor, approver, perceiver);
    }

    [TestMethod]
    public async Task RunAsync_ScriptToDone_CompletesAndRecordsEveryStep()
    {
        var decider = new ScriptedDecider(
            new TypeTextAction(ActionTarget.Element(2), "42.00"),
            new SelectOptionAction(ActionTarget.Element(3), "Damaged item"),
            new DoneAction("refund form filled"));
        var (loop, executor, _, _) = Build(decider);

        var result = await loop.RunAsync(new RunRequest("fill the form") { RunId = "run-1" });

        Assert.AreEqual(RunStatus.Completed, result.Status);
        Assert.AreEqual("refund form filled", result.Message);
        Assert.AreEqual(2, executor.Executed.Count);
        var recording = RunRecording.Load(Path.Combine(_root, "run-1"));
        Assert.AreEqual(RunStatus.Completed, recording.Manifest.Status);
        Assert.AreEqual(3, recording.Steps.Count);
        Assert.IsInstanceOfType<SelectOptionAction>(recording.Steps[1].Proposal.Action);
        Assert.AreEqual("Reason", recording.Steps[1].Target?.Name);
        Assert.IsTrue(File.Exists(Path.Combine(_root, "run-1", "step-0001.png")));
    }

    [TestMethod]
    public async Task RunAsync_SubmitRejected_IsNotExecutedAndReasonGoesBackToDecider()
    {
        var decider = new ScriptedDecider(new ClickAction(ActionTarget.Element(5)), new DoneAction("stopped"));
        var (loop, executor, approver, _) = Build(decider, _ => ApprovalDecision.Reject("reviewer", "wrong amount"));

        var result = await loop.RunAsync(new RunRequest("submit") { RunId = "run-2" });

        Assert.AreEqual(0, executor.Executed.Count, "a rejected submit must not run");
        Assert.AreEqual(1, approver.Requests.Count);
        Assert.AreEqual("run-2:1", approver.Requests[0].IdempotencyKey);
        var fedBack = decider.Contexts[1].Last!;
        Assert.IsFalse(fedBack.Succeeded);
        StringAssert.Contains(fedBack.Outcome, "wrong amount");
        Assert.AreEqual(RunStatus.Completed, result.Status);
    }

    [TestMethod]
    public async Task RunAsync_SubmitApproved_ExecutesExactlyOnce()
    {
        var decider = new ScriptedDecider(new ClickAction(ActionTarget.Element(5)), new DoneAction("filed"));
        var (loop, executor, approver, _) = Build(decider);

        await loop.RunAsync(new RunRequest("submit") { RunId = "run-3" });

        Assert.AreEqual(1, approver.Requests.Count);
        Assert.AreEqual(1, executor.Executed.Count);
    }

    [TestMethod]
    public async Task RunAsync_ReviewerEditsTypedValue_EditedValueIsTyped()
    {
        var policy = new ApproveEverythingPolicy();
        var decider = new ScriptedDecider(new TypeTextAction(ActionTarget.Element(2), "4200"), new DoneAction("ok"));
        var executor = new FakeExecutor();
        var loop = new AgentLoop(new FakePerceiver(_ => Pages.RefundForm()), decider, policy,
            new FakeApprover(_ => ApprovalDecision.Approve("r") with { EditedValue = "42.00" }), executor, new PassThroughVerifier(),
            new JsonRunRecorder(_root), new AgentOptions(), TimeProvider.System, NullLogger<AgentLoop>.Instance);

        await loop.RunAsync(new RunRequest("t") { RunId = "run-edit" });

        Assert.AreEqual("42.00", ((TypeTextAction)executor.Executed.Single()).Text);
    }

    [TestMethod]
    public async Task RunAsync_MaxStepsExceeded_FailsWithClearMessage()
    {
        var decider = new ScriptedDecider(Enumerable.Repeat<BrowserAction>(new ScrollAction(0, 100), 10).ToArray());
        var (loop, _, _, _) = Build(decider, options: new AgentOptions { MaxSteps = 3 });

        var result = await loop.RunAsync(new RunRequest("scroll forever") { RunId = "run-4" });

        Assert.AreEqual(RunStatus.Failed, result.Status);
        StringAssert.Contains(result.Message, "max steps exceeded");
        Assert.AreEqual(3, RunRecording.Load(Path.Combine(_root, "run-4")).Steps.Count);
    }

    [TestMethod]
    public async Task RunAsync_FailedActions_AreFedBackThenStopAfterLimit()
    {
        var decider = new ScriptedDecider(Enumerable.Repeat<BrowserAction>(new ClickAction(ActionTarget.Element(7)), 5).ToArray());
        var (loop, executor, _, _) = Build(decider, options: new AgentOptions { MaxConsecutiveFailures = 2 });
        executor.Outcome = _ => ActionOutcome.Failed("target gone");

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "run-5" });

        Assert.AreEqual(RunStatus.Failed, result.Status);
        Assert.AreEqual("target gone", decider.Contexts[1].Last!.Outcome);
        StringAssert.Contains(result.Message, "2 failed actions in a row");
    }

    [TestMethod]
    public async Task RunAsync_Cancelled_EndsCancelledWithRecordingClosed()
    {
        using var cts = new CancellationTokenSource();
        var decider = new ScriptedDecider(new ScrollAction(0, 100), new ScrollAction(0, 100), new DoneAction("x"));
        var (loop, executor, _, _) = Build(decider);
        executor.Outcome = _ =>
        {
            cts.Cancel();
            return ActionOutcome.Success();
        };

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "run-6" }, cts.Token);

        Assert.AreEqual(RunStatus.Cancelled, result.Status);
        var recording = RunRecording.Load(Path.Combine(_root, "run-6"));
        Assert.AreEqual(RunStatus.Cancelled, recording.Manifest.Status);
        Assert.IsFalse(recording.Manifest.Incomplete);
    }

    [TestMethod]
    public async Task RunAsync_PageCrashes_FailsWithMessageAndCompleteRecording()
    {
        var decider = new ScriptedDecider(new ScrollAction(0, 100), new DoneAction("x"));
        var (loop, executor, _, perceiver) = Build(decider);
        executor.Outcome = _ =>
        {
            perceiver.CrashWith = new InvalidDataException("the page crashed");
            return ActionOutcome.Success();
        };

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "run-7" });

        Assert.AreEqual(RunStatus.Failed, result.Status);
        StringAssert.Contains(result.Message, "the page crashed");
        Assert.AreEqual(RunStatus.Failed, RunRecording.Load(Path.Combine(_root, "run-7")).Manifest.Status);
    }

    [TestMethod]
    public async Task RunAsync_DeciderTooSlow_StepTimesOutAsFailure()
    {
        var decider = new ScriptedDecider(new DoneAction("late")) { Delay = TimeSpan.FromSeconds(5) };
        var (loop, _, _, _) = Build(decider, options: new AgentOptions { StepTimeout = TimeSpan.FromMilliseconds(200) });

        var result = await loop.RunAsync(new RunRequest("t") { RunId = "run-8" });

        Assert.AreEqual(RunStatus.Failed, result.Status);
        StringAssert.Contains(result.Message, "step timeout");
    }

    [TestMethod]
    public async Task RunAsync_UnknownElementId_IsFedBackNotExecuted()
    {
        var decider = new ScriptedDecider(new ClickAction(ActionTarget.Element(999)), new DoneAction("ok"));
        var (loop, executor, _, _) = Build(decider);

        await loop.RunAsync(new RunRequest("t") { RunId = "run-9" });

        Assert.AreEqual(0, executor.Executed.Count);
        StringAssert.Contains(decider.Contexts[1].Last!.Outcome, "#999 does not exist");
    }

    private sealed class ApproveEverythingPolicy : IActionPolicy
    {
        public Verdict Evaluate(ProposedAction proposal, Core.Perception.Observation observation) =>
            new(VerdictKind.RequireApproval, RiskClass.Input, "test", "test");
    }
}
